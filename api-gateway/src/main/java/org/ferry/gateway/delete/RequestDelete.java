package org.ferry.gateway.delete;

import java.time.Clock;
import org.ferry.contract.DeleteRequested;
import org.ferry.failure.InvalidValue;
import org.ferry.gateway.account.Caller;
import org.ferry.gateway.operation.SendRequest;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.springframework.stereotype.Service;

/** Starts the deletion of a tag in the team's own namespace. */
@Service
class RequestDelete {

  private final SendRequest send;
  private final Clock clock;

  RequestDelete(SendRequest send, Clock clock) {
    this.send = send;
    this.clock = clock;
  }

  OperationId request(Caller caller, Team team, String name, String tag, boolean allTags) {
    if (!ImageName.isValid(name)) {
      throw new InvalidValue("name", name, ImageName.RULE);
    }
    if (!Tag.isValid(tag)) {
      throw new InvalidValue("tag", tag, Tag.RULE);
    }
    var id = OperationId.random();
    send.send(
        new DeleteRequested(
            id,
            team,
            clock.instant(),
            caller.username(),
            caller.source(),
            ImageName.of(name),
            Tag.of(tag),
            allTags));
    return id;
  }
}
