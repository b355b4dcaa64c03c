package org.ferry.gateway.delete;

import org.ferry.gateway.account.Caller;
import org.ferry.gateway.web.Accepted;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Delete a tag of the team's own images; {@code allTags=true} also removes the other tags that
 * share its digest (the registry deletes by digest), and {@code digest} names the digest the caller
 * saw, so that a tag pushed to since is answered 409 instead of deleted.
 */
@RestController
class DeleteController {

  private final RequestDelete requestDelete;

  DeleteController(RequestDelete requestDelete) {
    this.requestDelete = requestDelete;
  }

  @DeleteMapping("/api/v1/teams/{team}/images/{name}/tags/{tag}")
  ResponseEntity<Accepted> delete(
      Caller caller,
      @PathVariable String team,
      @PathVariable String name,
      @PathVariable String tag,
      @RequestParam(defaultValue = "false") boolean allTags,
      @RequestParam(required = false) String digest) {
    var checked = caller.actOn(team);
    return Accepted.of(requestDelete.request(caller, checked, name, tag, allTags, digest));
  }
}
