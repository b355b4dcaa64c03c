package org.ferry.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicReference;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.ferry.operation.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A producer with nothing but ferry-contracts and the plain RabbitMQ Java client publishes a push
 * request exactly as the README shows, into a private vhost on the local broker, and Ferry's codec
 * reads it back. (ferry-testing's TestBroker cannot be used here: it depends on this module.)
 */
class PlainClientPublishIT {

  private static PrivateVhost vhost;
  private static Connection connection;
  private static Channel consumer;
  private static String queue;

  @BeforeAll
  static void declareTheRequestSideOfFerrysTopology() throws Exception {
    vhost = PrivateVhost.create();
    var factory = new ConnectionFactory();
    factory.setUri(vhost.amqpUri());
    connection = factory.newConnection("contracts-it");
    consumer = connection.createChannel();
    consumer.exchangeDeclare(Exchanges.REQUESTS, BuiltinExchangeType.TOPIC, true);
    queue = consumer.queueDeclare().getQueue();
    consumer.queueBind(queue, Exchanges.REQUESTS, PushRequested.TYPE);
  }

  @AfterAll
  static void close() throws Exception {
    connection.close();
    vhost.close();
  }

  @Test
  void aPushRequestPublishedAsTheReadmeShowsIsReadBackByFerrysCodec() throws Exception {
    // given
    var factory = new ConnectionFactory();
    factory.setUri(vhost.amqpUri());

    // when
    var sent = publishAsTheReadmeShows(factory, "team-a", "hello.tar.gz", "hello", "v1");

    // then
    var received = await().atMost(Duration.ofSeconds(10)).until(this::next, r -> r != null);
    var properties = received.getProps();
    var type =
        MessageCodec.typeOf(
            properties.getType(), properties.getHeaders(), received.getEnvelope().getRoutingKey());
    assertThat(type).isEqualTo("push.requested.v1");
    assertThat(properties.getHeaders().get("cloudEvents:type").toString())
        .isEqualTo("org.ferry.push.requested.v1");
    assertThat(properties.getHeaders().get("cloudEvents:source").toString())
        .isEqualTo("/ci/nightly-builds");
    assertThat(properties.getDeliveryMode()).isEqualTo(2);
    var read = new MessageCodec("/ferry/test").decode(type, received.getBody());
    assertThat(read).isEqualTo(sent);
    assertThat(sent.source()).isEqualTo(Source.AMQP);
  }

  @Test
  void aRequestNoQueueTakesIsReturnedAndReportedNotLost() throws Exception {
    // given a vhost where nothing is bound for requests
    try (var empty = PrivateVhost.create()) {
      var factory = new ConnectionFactory();
      factory.setUri(empty.amqpUri());
      try (var setup = factory.newConnection();
          var channel = setup.createChannel()) {
        channel.exchangeDeclare(Exchanges.REQUESTS, BuiltinExchangeType.TOPIC, true);
      }

      // when, then
      assertThatThrownBy(
              () -> publishAsTheReadmeShows(factory, "team-a", "hello.tar.gz", "hello", "v1"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("NO_ROUTE");
    }
  }

  @Test
  void theReadmeShowsThisTestsCode() throws IOException {
    // given
    var readme = Files.readString(moduleDir().resolve("README.md"));
    var source =
        Files.readString(
            moduleDir().resolve("src/test/java/org/ferry/contract/PlainClientPublishIT.java"));

    // when
    var shown = between(readme, "```java\n", "```");
    var tested = between(source, "// README " + "begin\n", "// README " + "end");

    // then
    assertThat(normalized(shown)).isEqualTo(normalized(tested));
  }

  private GetResponse next() throws IOException {
    return consumer.basicGet(queue, true);
  }

  static PushRequested publishAsTheReadmeShows(
      ConnectionFactory factory, String team, String file, String image, String tag)
      throws Exception {
    // README begin
    var codec = new MessageCodec("/ci/nightly-builds");
    var request =
        new PushRequested(
            OperationId.random(),
            Team.of(team),
            Instant.now(),
            "nightly-builds",
            Source.AMQP,
            FileName.of(file),
            ImageName.of(image),
            Tag.of(tag));
    var message = codec.encode(request);
    var properties =
        new AMQP.BasicProperties.Builder()
            .type(message.type())
            .messageId(message.id())
            .timestamp(Date.from(message.time()))
            .contentType(MessageCodec.CONTENT_TYPE)
            .contentEncoding(MessageCodec.CONTENT_ENCODING)
            .deliveryMode(2) // persistent
            .headers(message.headers())
            .build();
    try (var connection = factory.newConnection("nightly-builds");
        var channel = connection.createChannel()) {
      var returned = new AtomicReference<String>();
      channel.addReturnListener(r -> returned.set(r.getReplyCode() + " " + r.getReplyText()));
      channel.confirmSelect();
      channel.basicPublish(Exchanges.REQUESTS, message.type(), true, properties, message.body());
      channel.waitForConfirmsOrDie(10_000); // the broker has it, or this throws
      if (returned.get() != null) { // confirmed, but no queue took it
        throw new IOException("Ferry did not take " + request.operationId() + ": " + returned);
      }
    }
    // README end
    return request;
  }

  private static Path moduleDir() {
    var here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("README.md")) && Files.exists(here.resolve("src"))
        ? here
        : here.resolve("common/contracts");
  }

  private static String between(String text, String start, String end) {
    var from = text.indexOf(start);
    assertThat(from).as("marker " + start.strip()).isNotNegative();
    from += start.length();
    var to = text.indexOf(end, from);
    assertThat(to).as("marker " + end.strip()).isPositive();
    return text.substring(from, to);
  }

  private static String normalized(String code) {
    return code.lines().map(String::strip).filter(line -> !line.isEmpty()).toList().toString();
  }
}
