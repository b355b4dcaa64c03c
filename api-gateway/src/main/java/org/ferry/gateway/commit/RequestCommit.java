package org.ferry.gateway.commit;

import java.time.Clock;
import org.ferry.contract.CommitRequested;
import org.ferry.contract.ReservationId;
import org.ferry.gateway.account.Caller;
import org.ferry.gateway.operation.SendRequest;
import org.ferry.gateway.web.NameAndTag;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.springframework.stereotype.Service;

/**
 * Starts a commit of one of the team's running reservations into the team's namespace; the commit
 * worker checks again that the reservation is the team's.
 */
@Service
class RequestCommit {

  private final SendRequest send;
  private final Clock clock;

  RequestCommit(SendRequest send, Clock clock) {
    this.send = send;
    this.clock = clock;
  }

  OperationId request(Caller caller, Team team, String reservationId, String image) {
    var reservation = ReservationId.of(reservationId);
    var target = NameAndTag.parse("image", image);
    var id = OperationId.random();
    send.send(
        new CommitRequested(
            id,
            team,
            clock.instant(),
            caller.username(),
            caller.source(),
            reservation,
            target.name(),
            target.tag(),
            null));
    return id;
  }
}
