package org.ferry.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.ferry.operation.Source;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

  private final MessageCodec codec = new MessageCodec("/ci/nightly");

  private final PushRequested push =
      new PushRequested(
          OperationId.of("op-1"),
          Team.of("team-a"),
          Instant.parse("2026-11-27T08:00:00Z"),
          "ci",
          Source.AMQP,
          FileName.of("hello.tar.gz"),
          ImageName.of("hello"),
          Tag.of("v1"));

  @Test
  void encodesTheTypeIdAndTheCloudEventsAttributesAsHeaders() {
    // when
    var encoded = codec.encode(push);

    // then
    assertThat(encoded.type()).isEqualTo("push.requested.v1");
    assertThat(encoded.time()).isEqualTo(push.occurredAt());
    assertThat(encoded.headers())
        .containsEntry("cloudEvents:specversion", "1.0")
        .containsEntry("cloudEvents:id", encoded.id())
        .containsEntry("cloudEvents:type", "org.ferry.push.requested.v1")
        .containsEntry("cloudEvents:source", "/ci/nightly")
        .containsEntry("cloudEvents:time", "2026-11-27T08:00:00Z")
        .containsEntry("cloudEvents:datacontenttype", "application/json")
        .containsEntry("cloudEvents:subject", "op-1");
    assertThat(new String(encoded.body(), StandardCharsets.UTF_8))
        .contains("\"occurredAt\":\"2026-11-27T08:00:00Z\"", "\"source\":\"amqp\"")
        .doesNotContain("org.ferry.contract");
  }

  @Test
  void decodesWhatItEncoded() {
    // given
    var encoded = codec.encode(push);

    // when
    var decoded = codec.decode(encoded.type(), encoded.body());

    // then
    assertThat(decoded).isEqualTo(push);
  }

  @Test
  void refusesToEncodeAnObjectThatIsNoFerryMessage() {
    assertThatThrownBy(() -> codec.encode("hello"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Could not encode a java.lang.String");
  }

  @Test
  void rejectsAnUnknownTypeId() {
    assertThatThrownBy(() -> codec.decode("push.requested.v2", "{}".getBytes()))
        .isInstanceOf(MessageCodec.UnreadableMessage.class)
        .hasMessageContaining("'push.requested.v2' is unknown");
  }

  @Test
  void rejectsABodyThatBreaksTheContract() {
    var json = "{\"operationId\":\"op-4\",\"team\":\"team-a\"}";

    assertThatThrownBy(() -> codec.decode("push.requested.v1", json.getBytes()))
        .isInstanceOf(MessageCodec.UnreadableMessage.class)
        .hasMessageContaining("occurredAt");
  }

  @Test
  void takesTheTypeFromThePropertyThenTheCloudEventsTypeThenTheRoutingKey() {
    var ceHeaders = Map.of("cloudEvents:type", "org.ferry.export.requested.v1");

    assertThat(MessageCodec.typeOf("push.requested.v1", ceHeaders, "x"))
        .isEqualTo("push.requested.v1");
    assertThat(MessageCodec.typeOf(null, ceHeaders, "x")).isEqualTo("export.requested.v1");
    assertThat(MessageCodec.typeOf(null, Map.of(), "delete.requested.v1"))
        .isEqualTo("delete.requested.v1");
    assertThat(MessageCodec.typeOf(null, null, "delete.requested.v1"))
        .isEqualTo("delete.requested.v1");
  }
}
