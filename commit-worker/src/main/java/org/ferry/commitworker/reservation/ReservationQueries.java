package org.ferry.commitworker.reservation;

import java.util.Map;
import org.ferry.contract.ReservationQuery;
import org.ferry.messaging.Topology;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The queue on which commit workers answer {@link ReservationQuery} requests. Only a running worker
 * declares it, so a query sent while no worker was ever started is returned unroutable at once.
 */
@Configuration(proxyBeanMethods = false)
class ReservationQueries {

  /** Shared by every commit worker: any one of them answers, as all know every host. */
  static final String QUEUE = "ferry.commit.reservations";

  /**
   * A query's asker stops waiting after a few seconds; older queries are dropped instead of
   * answered late into a reply queue nobody reads.
   */
  static final int QUERY_TTL_MILLIS = 10_000;

  @Bean
  Declarables reservationQueryQueue() {
    var queue = new Queue(QUEUE, true, false, false, Map.of("x-message-ttl", QUERY_TTL_MILLIS));
    var requests = new TopicExchange(Topology.REQUESTS_EXCHANGE, true, false);
    return new Declarables(queue, Topology.bind(queue, requests, ReservationQuery.TYPE));
  }
}
