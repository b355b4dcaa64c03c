package org.ferry.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.ferry.contract.DeleteRequested;
import org.ferry.contract.FileName;
import org.ferry.contract.OperationFailed;
import org.ferry.contract.OperationSucceeded;
import org.ferry.contract.PushRequested;
import org.ferry.image.Digest;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.ferry.operation.OperationKind;
import org.ferry.operation.Source;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConversionException;

class FerryMessageConverterTest {

  private final FerryMessageConverter converter =
      new FerryMessageConverter(MessagingAutoConfiguration.messageMapper(), "/ferry/test");

  private final PushRequested push =
      new PushRequested(
          OperationId.of("op-1"),
          Team.of("team-a"),
          Instant.parse("2026-11-27T08:00:00Z"),
          "alice",
          Source.PAGE,
          FileName.of("hello.tar.gz"),
          ImageName.of("hello"),
          Tag.of("v1"));

  @Test
  void writesLogicalTypeAndCloudEventsAttributesNotClassNames() {
    var message = converter.toMessage(push, new MessageProperties());

    var properties = message.getMessageProperties();
    assertThat(properties.getType()).isEqualTo("push.requested.v1");
    assertThat(properties.getContentType()).isEqualTo("application/json");
    assertThat(properties.<String>getHeader("cloudEvents:type"))
        .isEqualTo("org.ferry.push.requested.v1");
    assertThat(properties.<String>getHeader("cloudEvents:source")).isEqualTo("/ferry/test");
    assertThat(properties.<String>getHeader("cloudEvents:subject")).isEqualTo("op-1");
    assertThat(properties.<String>getHeader("cloudEvents:specversion")).isEqualTo("1.0");
    assertThat(new String(message.getBody(), StandardCharsets.UTF_8))
        .contains("\"image\":\"hello\"", "\"tag\":\"v1\"", "\"source\":\"page\"")
        .doesNotContain("org.ferry.contract");
  }

  @Test
  void readsBackWhatItWrote() {
    var message = converter.toMessage(push, new MessageProperties());

    assertThat(converter.fromMessage(message)).isEqualTo(push);
  }

  @Test
  void ignoresUnknownFieldsSoNewerWritersDoNotBreakOlderReaders() {
    var json =
        "{\"operationId\":\"op-2\",\"team\":\"team-a\",\"occurredAt\":\"2026-11-27T08:00:00Z\","
            + "\"kind\":\"push\",\"message\":\"Pushed\",\"result\":{\"digest\":\"x\"},"
            + "\"addedInV1_1\":42}";

    var read = converter.fromMessage(typed(json, "operation.succeeded.v1"));

    assertThat(read)
        .isEqualTo(
            new OperationSucceeded(
                OperationId.of("op-2"),
                Team.of("team-a"),
                Instant.parse("2026-11-27T08:00:00Z"),
                OperationKind.PUSH,
                "Pushed",
                Map.of("digest", "x")));
  }

  @Test
  void takesTheTypeFromTheRoutingKeyWhenAnotherSystemSetsNoTypeProperty() {
    var json =
        "{\"operationId\":\"op-3\",\"team\":\"team-a\",\"occurredAt\":\"2026-11-27T08:00:00Z\","
            + "\"requestedBy\":\"ci\",\"source\":\"amqp\",\"image\":\"hello\",\"tag\":\"v1\"}";
    var properties = new MessageProperties();
    properties.setReceivedRoutingKey("delete.requested.v1");

    var read =
        converter.fromMessage(new Message(json.getBytes(StandardCharsets.UTF_8), properties));

    assertThat(read).isInstanceOf(DeleteRequested.class);
    assertThat(((DeleteRequested) read).allTags()).isFalse();
    assertThat(((DeleteRequested) read).expectedDigest()).isEmpty();
  }

  @Test
  void carriesTheDigestADeleteExpects() {
    // given
    var delete =
        new DeleteRequested(
            OperationId.of("op-6"),
            Team.of("team-a"),
            Instant.parse("2026-11-27T08:00:00Z"),
            "alice",
            Source.PAGE,
            ImageName.of("hello"),
            Tag.of("v1"),
            false,
            Digest.of("sha256:" + "c".repeat(64)));

    // when
    var message = converter.toMessage(delete, new MessageProperties());

    // then
    assertThat(new String(message.getBody(), StandardCharsets.UTF_8))
        .contains("\"digest\":\"sha256:" + "c".repeat(64) + "\"");
    assertThat(converter.fromMessage(message)).isEqualTo(delete);
  }

  @Test
  void readsAFailuresDetailsAndAFailureWrittenWithoutThem() {
    // given
    var failed =
        new OperationFailed(
            OperationId.of("op-7"),
            Team.of("team-a"),
            Instant.parse("2026-11-27T08:00:00Z"),
            OperationKind.DELETE,
            "conflict",
            "Could not delete team-a/hello:v1: the tag moved.",
            Map.of("currentDigest", "sha256:" + "d".repeat(64)));
    var older =
        "{\"operationId\":\"op-8\",\"team\":\"team-a\",\"occurredAt\":\"2026-11-27T08:00:00Z\","
            + "\"kind\":\"delete\",\"reason\":\"not-found\",\"message\":\"Could not delete.\"}";

    // when
    var roundTrip = converter.fromMessage(converter.toMessage(failed, new MessageProperties()));
    var read = (OperationFailed) converter.fromMessage(typed(older, "operation.failed.v1"));

    // then
    assertThat(roundTrip).isEqualTo(failed);
    assertThat(read.details()).isEmpty();
  }

  @Test
  void rejectsAMessageThatMissesARequiredField() {
    var json =
        "{\"operationId\":\"op-4\",\"team\":\"team-a\",\"occurredAt\":\"2026-11-27T08:00:00Z\"}";

    assertThatThrownBy(() -> converter.fromMessage(typed(json, "push.requested.v1")))
        .isInstanceOf(MessageConversionException.class)
        .hasMessageContaining("requestedBy");
  }

  @Test
  void rejectsAnInvalidImageNameInsideAMessage() {
    var json =
        "{\"operationId\":\"op-5\",\"team\":\"team-a\",\"occurredAt\":\"2026-11-27T08:00:00Z\","
            + "\"requestedBy\":\"x\",\"source\":\"amqp\",\"file\":\"a.tar\",\"image\":\"../etc\"}";

    assertThatThrownBy(() -> converter.fromMessage(typed(json, "push.requested.v1")))
        .isInstanceOf(MessageConversionException.class)
        .hasMessageContaining("image name");
  }

  @Test
  void rejectsAnUnknownType() {
    assertThatThrownBy(() -> converter.fromMessage(typed("{}", "push.requested.v9")))
        .isInstanceOf(MessageConversionException.class)
        .hasMessageContaining("push.requested.v9");
  }

  private static Message typed(String json, String type) {
    var properties = new MessageProperties();
    properties.setType(type);
    return new Message(json.getBytes(StandardCharsets.UTF_8), properties);
  }
}
