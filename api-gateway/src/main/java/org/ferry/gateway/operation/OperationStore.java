package org.ferry.gateway.operation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.ferry.operation.OperationKind;
import org.ferry.operation.OperationStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The operations table. Every write is guarded by the row's status, so that a terminal status, once
 * stored, is never changed again, whatever arrives later or twice.
 */
@Repository
class OperationStore {

  private static final int MESSAGE_LENGTH = 4000;
  private static final String TERMINAL = "('SUCCEEDED','FAILED')";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  OperationStore(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Optional<OperationView> find(OperationId id) {
    return jdbc.query("SELECT * FROM operations WHERE id = ?", this::view, id.value()).stream()
        .findFirst();
  }

  List<OperationView> ofTeam(Team team, int limit) {
    return jdbc.query(
        "SELECT * FROM operations WHERE team = ? ORDER BY created_at DESC, id LIMIT ?",
        this::view,
        team.value(),
        limit);
  }

  /**
   * Adds the operation as {@code status} unless a row for it exists already; an insert racing
   * another one for the same id simply loses.
   *
   * @return whether this call added it
   */
  boolean addIfAbsent(
      OperationId id,
      OperationKind kind,
      Team team,
      OperationStatus status,
      String message,
      String source,
      String requestedBy,
      Instant at) {
    if (exists(id)) {
      return false;
    }
    try {
      jdbc.update(
          "INSERT INTO operations (id, kind, team, status, message, source, requested_by,"
              + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          id.value(),
          kind.label(),
          team.value(),
          status.name(),
          truncate(message),
          source,
          requestedBy,
          time(at),
          time(at));
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** Fills in what only the request knows, for an operation first seen through a worker's event. */
  boolean completeRequest(
      OperationId id, String message, String source, String requestedBy, Instant at) {
    return jdbc.update(
            "UPDATE operations SET message = COALESCE(message, ?), source = ?, requested_by = ?,"
                + " created_at = CASE WHEN created_at > ? THEN ? ELSE created_at END"
                + " WHERE id = ? AND source IS NULL",
            truncate(message),
            source,
            requestedBy,
            time(at),
            time(at),
            id.value())
        > 0;
  }

  boolean markRunning(OperationId id, Instant at) {
    return jdbc.update(
            "UPDATE operations SET status = 'RUNNING', updated_at = ?"
                + " WHERE id = ? AND status = 'QUEUED'",
            time(at),
            id.value())
        > 0;
  }

  boolean progress(OperationId id, String stage, long done, long total, Instant at) {
    return jdbc.update(
            "UPDATE operations SET status = 'RUNNING', stage = ?, progress_done = ?,"
                + " progress_total = ?, updated_at = ? WHERE id = ? AND status NOT IN "
                + TERMINAL,
            stage,
            done,
            total,
            time(at),
            id.value())
        > 0;
  }

  /** Stores the first terminal result; any later one finds no row to change. */
  boolean finish(
      OperationId id,
      OperationStatus status,
      String message,
      Map<String, String> result,
      Instant at) {
    return jdbc.update(
            "UPDATE operations SET status = ?, message = ?, result = ?, updated_at = ?"
                + " WHERE id = ? AND status NOT IN "
                + TERMINAL,
            status.name(),
            truncate(message),
            write(result),
            time(at),
            id.value())
        > 0;
  }

  private boolean exists(OperationId id) {
    return !jdbc.queryForList("SELECT id FROM operations WHERE id = ?", String.class, id.value())
        .isEmpty();
  }

  private OperationView view(ResultSet row, int number) throws SQLException {
    var stage = row.getString("stage");
    return new OperationView(
        row.getString("id"),
        row.getString("kind"),
        row.getString("team"),
        OperationStatus.valueOf(row.getString("status")),
        row.getString("message"),
        stage == null
            ? null
            : new OperationView.Progress(
                stage, row.getLong("progress_done"), row.getLong("progress_total")),
        read(row.getString("result")),
        row.getObject("created_at", OffsetDateTime.class).toInstant(),
        row.getObject("updated_at", OffsetDateTime.class).toInstant(),
        row.getString("source"),
        row.getString("requested_by"));
  }

  private static OffsetDateTime time(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }

  private static String truncate(String message) {
    return message == null || message.length() <= MESSAGE_LENGTH
        ? message
        : message.substring(0, MESSAGE_LENGTH - 1) + "…";
  }

  private String write(Map<String, String> result) {
    try {
      return result == null || result.isEmpty() ? null : json.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A result map could not be written as JSON", e);
    }
  }

  private Map<String, String> read(String result) {
    if (result == null) {
      return Map.of();
    }
    try {
      return json.readValue(result, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored result is not JSON", e);
    }
  }
}
