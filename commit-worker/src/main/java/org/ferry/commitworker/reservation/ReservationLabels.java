package org.ferry.commitworker.reservation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ferry.contract.ReservationId;
import org.ferry.failure.InvalidValue;
import org.ferry.image.Team;

/**
 * The labels that make a container a team's reservation: {@code <prefix>.team}, {@code
 * <prefix>.reservation.id} and {@code <prefix>.reservation.name}.
 */
public record ReservationLabels(String prefix) {

  /** The rule a prefix follows, so that the keys are valid Docker label keys. */
  public static final String PREFIX_RULE =
      "lowercase letters and digits, separated by single '.' or '-'";

  private static final Pattern PREFIX = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");
  private static final int MAX_NAME_LENGTH = 128;

  public ReservationLabels {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "ferry.commit.label-prefix '" + prefix + "' breaks the rule: " + PREFIX_RULE);
    }
  }

  public String teamKey() {
    return prefix + ".team";
  }

  public String idKey() {
    return prefix + ".reservation.id";
  }

  public String nameKey() {
    return prefix + ".reservation.name";
  }

  /**
   * Reads a container's labels. A container is a reservation only with a valid team and id; a
   * missing or blank name falls back to the id, so the reservation can still be listed and chosen.
   */
  public Optional<Labelled> parse(Map<String, String> labels) {
    if (labels == null) {
      return Optional.empty();
    }
    var id = labels.get(idKey());
    var team = team(labels.get(teamKey()));
    if (team.isEmpty() || !ReservationId.isValid(id)) {
      return Optional.empty();
    }
    var name = labels.get(nameKey());
    name = name == null || name.isBlank() ? id : printable(name.strip());
    return Optional.of(new Labelled(team.get(), ReservationId.of(id), name));
  }

  /**
   * The labels to give a committed image so that it does not carry the reservation's own labels: a
   * container started from it is not mistaken for that reservation (blank values read as "no
   * reservation").
   */
  public Map<String, String> cleared() {
    var cleared = new LinkedHashMap<String, String>();
    cleared.put(teamKey(), "");
    cleared.put(idKey(), "");
    cleared.put(nameKey(), "");
    return cleared;
  }

  private static Optional<Team> team(String value) {
    try {
      return value == null ? Optional.empty() : Optional.of(Team.of(value));
    } catch (InvalidValue e) {
      // A label that is no team name marks no reservation Ferry could commit.
      return Optional.empty();
    }
  }

  private static String printable(String name) {
    var shown = name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }

  /** What a reservation's labels say: whose it is, its id, and the name the page shows. */
  public record Labelled(Team team, ReservationId id, String name) {}
}
