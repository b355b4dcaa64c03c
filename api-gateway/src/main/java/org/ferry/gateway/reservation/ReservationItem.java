package org.ferry.gateway.reservation;

/** A reservation as the commit panel lists it: {@code label} is {@code "<name> - id: <id>"}. */
record ReservationItem(String id, String name, String host, String label) {}
