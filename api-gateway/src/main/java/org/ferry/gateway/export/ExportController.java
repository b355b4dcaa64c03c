package org.ferry.gateway.export;

import org.ferry.gateway.account.Caller;
import org.ferry.gateway.web.Accepted;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Export an image to the team's NAS folder. */
@RestController
class ExportController {

  private final RequestExport requestExport;

  ExportController(RequestExport requestExport) {
    this.requestExport = requestExport;
  }

  /**
   * {@code image}: {@code <team or common>/name[:tag]}; {@code name}: the export's file name
   * without {@code .tar.gz}; {@code overwrite}: replace an existing export of that name.
   */
  record ExportBody(String image, String name, Boolean overwrite) {}

  @PostMapping(path = "/api/v1/teams/{team}/exports", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Accepted> export(
      Caller caller, @PathVariable String team, @RequestBody ExportBody body) {
    var checked = caller.actOn(team);
    return Accepted.of(
        requestExport.request(caller, checked, body.image(), body.name(), body.overwrite()));
  }
}
