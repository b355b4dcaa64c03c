package org.ferry.gateway.push;

import java.util.List;
import org.ferry.gateway.account.Caller;
import org.ferry.gateway.web.Accepted;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The push endpoints: what can be pushed, and push it. */
@RestController
class PushController {

  private final RequestPush requestPush;
  private final ListPushFiles listPushFiles;

  PushController(RequestPush requestPush, ListPushFiles listPushFiles) {
    this.requestPush = requestPush;
    this.listPushFiles = listPushFiles;
  }

  /** {@code file}: an archive in the team's push-images; {@code image}: {@code name[:tag]}. */
  record PushBody(String file, String image) {}

  @PostMapping(path = "/api/v1/teams/{team}/pushes", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Accepted> push(
      Caller caller, @PathVariable String team, @RequestBody PushBody body) {
    var checked = caller.actOn(team);
    return Accepted.of(requestPush.request(caller, checked, body.file(), body.image()));
  }

  @GetMapping("/api/v1/teams/{team}/push-files")
  List<PushFile> pushFiles(Caller caller, @PathVariable String team) {
    return listPushFiles.list(caller.actOn(team));
  }
}
