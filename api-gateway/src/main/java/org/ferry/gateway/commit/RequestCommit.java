package org.ferry.gateway.commit;

import java.time.Clock;
import java.util.regex.Pattern;
import org.ferry.contract.CommitRequested;
import org.ferry.failure.InvalidValue;
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

  static final String RESERVATION_RULE =
      "1-128 characters: letters, digits, '.', '_', ':' and '-', starting with a letter or digit";
  private static final Pattern RESERVATION_ID =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  private final SendRequest send;
  private final Clock clock;

  RequestCommit(SendRequest send, Clock clock) {
    this.send = send;
    this.clock = clock;
  }

  OperationId request(Caller caller, Team team, String reservationId, String image) {
    if (reservationId == null || !RESERVATION_ID.matcher(reservationId).matches()) {
      throw new InvalidValue("reservationId", reservationId, RESERVATION_RULE);
    }
    var target = NameAndTag.parse("image", image);
    var id = OperationId.random();
    send.send(
        new CommitRequested(
            id,
            team,
            clock.instant(),
            caller.username(),
            caller.source(),
            reservationId,
            target.name(),
            target.tag(),
            null));
    return id;
  }
}
