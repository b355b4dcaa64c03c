package org.ferry.commitworker.reservation;

import org.ferry.contract.Reservation;

/** A reservation together with the host and the container it runs in. */
public record LocatedReservation(
    ContainerHost host, ContainerInfo container, ReservationLabels.Labelled labels) {

  /** The reservation as the contract and the Images page describe it. */
  public Reservation toReservation() {
    return new Reservation(
        labels.id().value(),
        labels.name(),
        host.name(),
        container.id(),
        container.image(),
        container.startedAt());
  }
}
