package org.ferry.contract;

/**
 * The exchanges of Ferry's bus that producers and subscribers name: a request is published to
 * {@link #REQUESTS} with its type id as routing key; events appear on {@link #EVENTS}.
 */
public final class Exchanges {

  /** Topic exchange for {@code *.requested.v1} messages. */
  public static final String REQUESTS = "ferry.requests";

  /** Topic exchange for {@code operation.*.v1} events, for anyone to bind a queue to. */
  public static final String EVENTS = "ferry.events";

  private Exchanges() {}
}
