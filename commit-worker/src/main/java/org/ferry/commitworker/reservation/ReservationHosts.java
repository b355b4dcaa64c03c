package org.ferry.commitworker.reservation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ferry.contract.Reservation;
import org.ferry.contract.ReservationId;
import org.ferry.failure.TransientFailure;
import org.ferry.image.Team;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reservations on all configured Docker hosts. A listing asks every host at once and leaves out
 * a host that fails or does not answer in time, so one GPU node that is down does not hide the
 * others' reservations.
 */
public class ReservationHosts implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ReservationHosts.class);

  private final List<ContainerHost> hosts;
  private final ReservationLabels labels;
  private final Duration listTimeout;
  private final ExecutorService listing;

  public ReservationHosts(
      List<ContainerHost> hosts, ReservationLabels labels, Duration listTimeout) {
    this.hosts = List.copyOf(hosts);
    this.labels = labels;
    this.listTimeout = listTimeout;
    this.listing =
        Executors.newCachedThreadPool(
            task -> {
              var thread = new Thread(task, "reservation-listing");
              thread.setDaemon(true);
              return thread;
            });
  }

  public ReservationLabels labels() {
    return labels;
  }

  /** The team's active reservations on every host that answers within the list timeout. */
  public List<Reservation> listFor(Team team) {
    var perHost =
        hosts.stream()
            .map(
                host ->
                    CompletableFuture.supplyAsync(() -> reservationsOn(host, team), listing)
                        .orTimeout(listTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        .exceptionally(failure -> skipped(host, failure)))
            .toList();
    return perHost.stream()
        .flatMap(answer -> answer.join().stream())
        .sorted(Comparator.comparing(Reservation::name).thenComparing(Reservation::id))
        .toList();
  }

  /**
   * The running containers labelled with reservation {@code id}, on any host and of any team. A
   * host that cannot be asked matters only when no other host has the reservation: then the answer
   * is unknown, not empty, and the host's failure is thrown.
   *
   * @throws TransientFailure if no host has it and at least one host did not answer
   */
  public List<LocatedReservation> running(ReservationId id) {
    var found = new ArrayList<LocatedReservation>();
    TransientFailure unreachable = null;
    for (var host : hosts) {
      try {
        found.addAll(locate(host, id));
      } catch (TransientFailure failure) {
        log.warn(
            "host={} could not be searched for a reservation: {}",
            host.name(),
            failure.getMessage());
        unreachable = failure;
      }
    }
    if (found.isEmpty() && unreachable != null) {
      throw unreachable;
    }
    return found;
  }

  private List<LocatedReservation> locate(ContainerHost host, ReservationId id) {
    var found = new ArrayList<LocatedReservation>();
    for (var container : host.running(labels.idKey(), id.value())) {
      labels
          .parse(container.labels())
          // The daemon's label filter is not an exact match for every value; this is.
          .filter(labelled -> labelled.id().equals(id))
          .ifPresent(labelled -> found.add(new LocatedReservation(host, container, labelled)));
    }
    return found;
  }

  private List<Reservation> reservationsOn(ContainerHost host, Team team) {
    var reservations = new ArrayList<Reservation>();
    for (var container : host.running(labels.teamKey(), team.value())) {
      labels
          .parse(container.labels())
          .filter(labelled -> labelled.team().equals(team))
          .ifPresent(
              labelled ->
                  reservations.add(
                      new LocatedReservation(host, container, labelled).toReservation()));
    }
    return reservations;
  }

  private List<Reservation> skipped(ContainerHost host, Throwable failure) {
    var cause = failure.getCause() != null ? failure.getCause() : failure;
    var reason =
        cause instanceof TimeoutException
            ? "it did not answer within " + listTimeout
            : cause.getMessage();
    log.warn("host={} left out of the reservation list: {}", host.name(), reason);
    return List.of();
  }

  /** Closes every host's connections and the listing threads. */
  @Override
  public void close() {
    listing.shutdownNow();
    hosts.forEach(ContainerHost::close);
  }
}
