package org.ferry.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.ferry.contract.FerryMessage;
import org.ferry.contract.MessageTypes;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;

/**
 * JSON on the wire, typed by logical ids such as {@code push.requested.v1} (never Java class
 * names), with the CloudEvents attributes other systems look for as {@code cloudEvents:*} headers.
 */
public final class FerryMessageConverter implements MessageConverter {

  public static final String CONTENT_TYPE = "application/json";
  public static final String CE_PREFIX = "cloudEvents:";
  public static final String CE_TYPE_PREFIX = "org.ferry.";

  private final ObjectMapper mapper;
  private final String source;

  /**
   * @param source the CloudEvents {@code source} of messages this service sends, e.g. {@code
   *     /ferry/push-worker}
   */
  public FerryMessageConverter(ObjectMapper mapper, String source) {
    this.mapper = mapper;
    this.source = source;
  }

  @Override
  public Message toMessage(Object object, MessageProperties properties) {
    var type = MessageTypes.typeOf(object);
    if (type == null) {
      throw new MessageConversionException("Not a Ferry message: " + object.getClass());
    }
    var id = UUID.randomUUID().toString();
    var time = object instanceof FerryMessage message ? message.occurredAt() : Instant.now();
    properties.setContentType(CONTENT_TYPE);
    properties.setContentEncoding("UTF-8");
    properties.setType(type);
    properties.setMessageId(id);
    properties.setTimestamp(Date.from(time));
    properties.setHeader(CE_PREFIX + "specversion", "1.0");
    properties.setHeader(CE_PREFIX + "id", id);
    properties.setHeader(CE_PREFIX + "type", CE_TYPE_PREFIX + type);
    properties.setHeader(CE_PREFIX + "source", source);
    properties.setHeader(CE_PREFIX + "time", time.toString());
    properties.setHeader(CE_PREFIX + "datacontenttype", CONTENT_TYPE);
    if (object instanceof FerryMessage message) {
      properties.setHeader(CE_PREFIX + "subject", message.operationId().value());
    }
    try {
      return new Message(mapper.writeValueAsBytes(object), properties);
    } catch (IOException e) {
      throw new MessageConversionException("Could not write " + type, e);
    }
  }

  @Override
  public Object fromMessage(Message message) {
    var type = typeOf(message.getMessageProperties());
    var messageClass =
        MessageTypes.classOf(type)
            .orElseThrow(
                () -> new MessageConversionException("Unknown message type '" + type + "'"));
    try {
      return mapper.readValue(message.getBody(), messageClass);
    } catch (IOException | RuntimeException e) {
      throw new MessageConversionException(
          "Could not read a " + type + " message: " + e.getMessage(), e);
    }
  }

  /**
   * The logical type of a message: the AMQP {@code type} property, else the CloudEvents type, else
   * the routing key it was published with (what another system most likely sets).
   */
  static String typeOf(MessageProperties properties) {
    if (properties.getType() != null) {
      return properties.getType();
    }
    Object ceType = properties.getHeader(CE_PREFIX + "type");
    if (ceType instanceof String text && text.startsWith(CE_TYPE_PREFIX)) {
      return text.substring(CE_TYPE_PREFIX.length());
    }
    return properties.getReceivedRoutingKey();
  }
}
