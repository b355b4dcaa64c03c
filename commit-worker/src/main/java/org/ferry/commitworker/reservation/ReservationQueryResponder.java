package org.ferry.commitworker.reservation;

import org.ferry.contract.ReservationList;
import org.ferry.contract.ReservationQuery;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/** Answers a team's reservation query; the reply goes to the query's reply-to address. */
@Component
class ReservationQueryResponder {

  private final ReservationHosts hosts;

  ReservationQueryResponder(ReservationHosts hosts) {
    this.hosts = hosts;
  }

  @RabbitListener(queues = ReservationQueries.QUEUE)
  ReservationList on(ReservationQuery query) {
    return new ReservationList(query.team(), hosts.listFor(query.team()));
  }
}
