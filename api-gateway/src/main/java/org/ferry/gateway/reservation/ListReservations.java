package org.ferry.gateway.reservation;

import java.util.List;
import org.ferry.contract.ReservationList;
import org.ferry.contract.ReservationQuery;
import org.ferry.gateway.web.Problems;
import org.ferry.image.Team;
import org.ferry.messaging.FerryMessageConverter;
import org.ferry.messaging.Topology;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Asks the commit workers over the bus for a team's active reservations (request–reply): the
 * gateway never talks to a Docker daemon itself.
 */
@Service
class ListReservations implements DisposableBean {

  private final RabbitTemplate template;
  private final ReservationProperties properties;

  ListReservations(
      ConnectionFactory connections,
      FerryMessageConverter converter,
      ReservationProperties properties) {
    this.properties = properties;
    // A template of its own, so its reply timeout does not change how requests are published.
    this.template = new RabbitTemplate(connections);
    template.setMessageConverter(converter);
    template.setReplyTimeout(properties.timeout().toMillis());
  }

  List<ReservationItem> list(Team team) {
    Object reply;
    try {
      reply =
          template.convertSendAndReceive(
              Topology.REQUESTS_EXCHANGE, ReservationQuery.TYPE, new ReservationQuery(team));
    } catch (AmqpException e) {
      throw Problems.unavailable(
          "Could not list the reservations of "
              + team
              + ": the message broker is unreachable or the answer was unreadable. Try again in a"
              + " moment; if it persists, tell the operators.");
    }
    if (reply == null) {
      throw Problems.unavailable(
          "Could not list the reservations of "
              + team
              + ": no commit worker answered within "
              + properties.timeout().toSeconds()
              + " s. Try again in a moment; if it persists, tell the operators that the commit"
              + " worker is down.");
    }
    if (!(reply instanceof ReservationList list) || !team.equals(list.team())) {
      throw Problems.unavailable(
          "Could not list the reservations of "
              + team
              + ": a commit worker sent an answer for something else. Tell the operators.");
    }
    return list.reservations().stream()
        .map(r -> new ReservationItem(r.id(), r.name(), r.host(), r.label()))
        .toList();
  }

  @Override
  public void destroy() {
    template.destroy();
  }
}
