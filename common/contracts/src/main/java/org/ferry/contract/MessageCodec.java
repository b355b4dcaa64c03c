package org.ferry.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Ferry's wire format without any messaging library: JSON bodies typed by logical ids such as
 * {@code push.requested.v1} (never Java class names), and the CloudEvents attributes other systems
 * look for as {@code cloudEvents:*} headers (the AMQP binding of CloudEvents).
 */
public final class MessageCodec {

  public static final String CONTENT_TYPE = "application/json";
  public static final String CONTENT_ENCODING = "UTF-8";
  public static final String CE_PREFIX = "cloudEvents:";
  public static final String CE_SPECVERSION = CE_PREFIX + "specversion";
  public static final String CE_ID = CE_PREFIX + "id";
  public static final String CE_TYPE = CE_PREFIX + "type";
  public static final String CE_SOURCE = CE_PREFIX + "source";
  public static final String CE_TIME = CE_PREFIX + "time";
  public static final String CE_DATACONTENTTYPE = CE_PREFIX + "datacontenttype";
  public static final String CE_SUBJECT = CE_PREFIX + "subject";

  /** What a CloudEvents {@code type} is: this prefix and the type id. */
  public static final String CE_TYPE_PREFIX = "org.ferry.";

  private final ObjectMapper mapper;
  private final String source;

  /**
   * @param source the CloudEvents {@code source} of the messages this producer sends, such as
   *     {@code /ferry/push-worker} or {@code /ci/nightly-builds}
   */
  public MessageCodec(String source) {
    this(mapper(), source);
  }

  /** A codec over a mapper made by {@link #mapper()} (and perhaps given more modules). */
  public MessageCodec(ObjectMapper mapper, String source) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * A new mapper with the wire's settings: ISO-8601 times, unknown fields ignored (so an older
   * reader keeps working when a newer writer adds one).
   */
  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /**
   * Encodes one of the messages in {@link MessageTypes} with a fresh id.
   *
   * @throws IllegalArgumentException if {@code message} is not one of Ferry's message records
   */
  public Encoded encode(Object message) {
    var type = MessageTypes.typeOf(message);
    if (type == null) {
      throw new IllegalArgumentException(
          "Could not encode a "
              + message.getClass().getName()
              + ": it is not a Ferry message. Send one of the records in MessageTypes.");
    }
    var id = UUID.randomUUID().toString();
    var time = message instanceof FerryMessage ferry ? ferry.occurredAt() : Instant.now();
    var headers = new LinkedHashMap<String, Object>();
    headers.put(CE_SPECVERSION, "1.0");
    headers.put(CE_ID, id);
    headers.put(CE_TYPE, CE_TYPE_PREFIX + type);
    headers.put(CE_SOURCE, source);
    headers.put(CE_TIME, time.toString());
    headers.put(CE_DATACONTENTTYPE, CONTENT_TYPE);
    if (message instanceof FerryMessage ferry) {
      headers.put(CE_SUBJECT, ferry.operationId().value());
    }
    try {
      return new Encoded(type, id, time, mapper.writeValueAsBytes(message), headers);
    } catch (IOException e) {
      throw new IllegalStateException("Could not encode a " + type + " message: " + e, e);
    }
  }

  /**
   * Decodes a body of the given type id.
   *
   * @throws UnreadableMessage if the type is unknown, the body is not JSON of that type, a required
   *     field is missing or a value breaks its rule
   */
  public Object decode(String type, byte[] body) {
    var messageClass =
        MessageTypes.classOf(type)
            .orElseThrow(
                () ->
                    new UnreadableMessage(
                        "Could not read a message: its type '"
                            + type
                            + "' is unknown. Send one of the types in MessageTypes.",
                        null));
    try {
      return mapper.readValue(body, messageClass);
    } catch (IOException | RuntimeException e) {
      throw new UnreadableMessage("Could not read a " + type + " message: " + e.getMessage(), e);
    }
  }

  /**
   * The type id a received message says it has: its {@code type} property, else its CloudEvents
   * type, else the routing key it was published with (what another system most likely sets).
   */
  public static String typeOf(String typeProperty, Map<String, ?> headers, String routingKey) {
    if (typeProperty != null) {
      return typeProperty;
    }
    Object ceType = headers == null ? null : headers.get(CE_TYPE);
    if (ceType != null && ceType.toString().startsWith(CE_TYPE_PREFIX)) {
      return ceType.toString().substring(CE_TYPE_PREFIX.length());
    }
    return routingKey;
  }

  /**
   * One encoded message: publish {@code body} with the AMQP properties {@code type}, {@code
   * message-id}, {@code timestamp}, content type {@value #CONTENT_TYPE} and encoding {@value
   * #CONTENT_ENCODING}, and {@code headers} as the message headers; the routing key is {@code
   * type}.
   */
  public record Encoded(
      String type, String id, Instant time, byte[] body, Map<String, Object> headers) {

    public Encoded {
      headers = Map.copyOf(headers);
    }
  }

  /** A message that is not one of Ferry's, or breaks its contract; never worth a retry. */
  public static final class UnreadableMessage extends RuntimeException {

    UnreadableMessage(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
