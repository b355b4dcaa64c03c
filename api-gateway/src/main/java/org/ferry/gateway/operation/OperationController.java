package org.ferry.gateway.operation;

import java.util.List;
import org.ferry.gateway.account.Caller;
import org.ferry.gateway.web.Problems;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Operations as the store knows them: one, a team's latest, and a team's live stream. */
@RestController
class OperationController {

  private final OperationStore store;
  private final OperationUpdates updates;
  private final OperationsProperties properties;

  OperationController(
      OperationStore store, OperationUpdates updates, OperationsProperties properties) {
    this.store = store;
    this.updates = updates;
    this.properties = properties;
  }

  @GetMapping("/api/v1/operations/{id}")
  OperationView operation(Caller caller, @PathVariable String id) {
    var operation =
        store
            .find(OperationId.of(id))
            .orElseThrow(() -> Problems.notFound("There is no operation '" + id + "'."));
    if (!caller.mayActOn(Team.of(operation.team()))) {
      throw Problems.forbidden(
          "The operation '"
              + id
              + "' belongs to a team the user '"
              + caller.username()
              + "' is not in.");
    }
    return operation;
  }

  @GetMapping("/api/v1/teams/{team}/operations")
  List<OperationView> operations(
      Caller caller, @PathVariable String team, @RequestParam(required = false) Integer limit) {
    var size = limit == null ? properties.pageSize() : Math.max(1, Math.min(limit, 500));
    return store.ofTeam(caller.actOn(team), size);
  }

  @GetMapping(
      path = "/api/v1/teams/{team}/operations/stream",
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(Caller caller, @PathVariable String team) {
    return updates.subscribe(caller.actOn(team));
  }
}
