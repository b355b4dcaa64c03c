package org.ferry.gateway.commit;

import org.ferry.gateway.account.Caller;
import org.ferry.gateway.web.Accepted;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Commit a running reservation into a team image. */
@RestController
class CommitController {

  private final RequestCommit requestCommit;

  CommitController(RequestCommit requestCommit) {
    this.requestCommit = requestCommit;
  }

  /**
   * {@code reservationId}: an active reservation of the team; {@code image}: {@code name[:tag]}.
   */
  record CommitBody(String reservationId, String image) {}

  @PostMapping(path = "/api/v1/teams/{team}/commits", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Accepted> commit(
      Caller caller, @PathVariable String team, @RequestBody CommitBody body) {
    var checked = caller.actOn(team);
    return Accepted.of(requestCommit.request(caller, checked, body.reservationId(), body.image()));
  }
}
