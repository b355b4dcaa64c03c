package org.ferry.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.ferry.failure.Reason;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.ferry.operation.OperationKind;
import org.ferry.operation.Stage;
import org.junit.jupiter.api.Test;

/** A reader of v1 keeps working when a newer sender adds a reason or a stage it does not know. */
class NewerSendersTest {

  private final MessageCodec codec = new MessageCodec("/ferry/test");

  @Test
  void readsAReasonItDoesNotKnowAsUnknown() {
    // given
    var json =
        "{\"operationId\":\"op-1\",\"team\":\"team-a\",\"occurredAt\":\"2026-11-27T08:00:00Z\","
            + "\"kind\":\"push\",\"reason\":\"quota-exceeded\",\"message\":\"Could not push: x.\"}";

    // when
    var failed = (OperationFailed) codec.decode(OperationFailed.TYPE, bytes(json));

    // then
    assertThat(failed.reason()).isEqualTo(Reason.UNKNOWN);
    assertThat(failed.message()).isEqualTo("Could not push: x.");
  }

  @Test
  void readsAStageItDoesNotKnowAsUnknown() {
    // given
    var json =
        "{\"operationId\":\"op-1\",\"team\":\"team-a\",\"occurredAt\":\"2026-11-27T08:00:00Z\","
            + "\"kind\":\"push\",\"stage\":\"signing\",\"done\":3,\"total\":10}";

    // when
    var progressed = (OperationProgressed) codec.decode(OperationProgressed.TYPE, bytes(json));

    // then
    assertThat(progressed.stage()).isEqualTo(Stage.UNKNOWN);
    assertThat(progressed.done()).isEqualTo(3);
  }

  @Test
  void writesReasonsAndStagesAsTheirLowercaseLabels() {
    // given
    var failed =
        new OperationFailed(
            OperationId.of("op-1"),
            Team.of("team-a"),
            Instant.parse("2026-11-27T08:00:00Z"),
            OperationKind.PUSH,
            Reason.BAD_ARCHIVE,
            "Could not push: x.");
    var progressed =
        new OperationProgressed(
            OperationId.of("op-1"),
            Team.of("team-a"),
            Instant.parse("2026-11-27T08:00:00Z"),
            OperationKind.PUSH,
            Stage.UPLOADING,
            1,
            -1);

    // when
    var failedJson = new String(codec.encode(failed).body(), StandardCharsets.UTF_8);
    var progressedJson = new String(codec.encode(progressed).body(), StandardCharsets.UTF_8);

    // then
    assertThat(failedJson).contains("\"reason\":\"bad-archive\"");
    assertThat(progressedJson).contains("\"stage\":\"uploading\"");
    assertThat(codec.decode(OperationFailed.TYPE, failedJson.getBytes())).isEqualTo(failed);
    assertThat(codec.decode(OperationProgressed.TYPE, progressedJson.getBytes()))
        .isEqualTo(progressed);
  }

  @Test
  void stillRequiresAReason() {
    var json =
        "{\"operationId\":\"op-1\",\"team\":\"team-a\",\"occurredAt\":\"2026-11-27T08:00:00Z\","
            + "\"kind\":\"push\",\"message\":\"Could not push: x.\"}";

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> codec.decode(OperationFailed.TYPE, bytes(json)))
        .isInstanceOf(MessageCodec.UnreadableMessage.class)
        .hasMessageContaining("reason");
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
