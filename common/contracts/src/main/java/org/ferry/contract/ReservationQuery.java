package org.ferry.contract;

import static org.ferry.contract.Required.field;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.ferry.image.Team;

/**
 * Asks the commit workers for a team's active reservations (request–reply: the answer is a {@link
 * ReservationList} sent to the request's reply-to address).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReservationQuery(Team team) {

  public static final String TYPE = "reservations.query.v1";

  public ReservationQuery {
    field(team, "team");
  }
}
