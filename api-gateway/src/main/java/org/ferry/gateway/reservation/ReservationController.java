package org.ferry.gateway.reservation;

import java.util.List;
import org.ferry.gateway.account.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The team's active reservations, for the commit panel. */
@RestController
class ReservationController {

  private final ListReservations listReservations;

  ReservationController(ListReservations listReservations) {
    this.listReservations = listReservations;
  }

  @GetMapping("/api/v1/teams/{team}/reservations")
  List<ReservationItem> reservations(Caller caller, @PathVariable String team) {
    return listReservations.list(caller.actOn(team));
  }
}
