package org.ferry.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import org.ferry.contract.MessageCodec;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;

/**
 * Spring AMQP's face of {@link MessageCodec}: the same JSON and CloudEvents headers any other JVM
 * producer writes with ferry-contracts alone.
 */
public final class FerryMessageConverter implements MessageConverter {

  public static final String CONTENT_TYPE = MessageCodec.CONTENT_TYPE;
  public static final String CE_PREFIX = MessageCodec.CE_PREFIX;
  public static final String CE_TYPE_PREFIX = MessageCodec.CE_TYPE_PREFIX;

  private final MessageCodec codec;

  /**
   * @param source the CloudEvents {@code source} of messages this service sends, e.g. {@code
   *     /ferry/push-worker}
   */
  public FerryMessageConverter(ObjectMapper mapper, String source) {
    this.codec = new MessageCodec(mapper, source);
  }

  @Override
  public Message toMessage(Object object, MessageProperties properties) {
    MessageCodec.Encoded encoded;
    try {
      encoded = codec.encode(object);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new MessageConversionException(e.getMessage(), e);
    }
    properties.setContentType(MessageCodec.CONTENT_TYPE);
    properties.setContentEncoding(MessageCodec.CONTENT_ENCODING);
    properties.setType(encoded.type());
    properties.setMessageId(encoded.id());
    properties.setTimestamp(Date.from(encoded.time()));
    encoded.headers().forEach(properties::setHeader);
    return new Message(encoded.body(), properties);
  }

  @Override
  public Object fromMessage(Message message) {
    var type = typeOf(message.getMessageProperties());
    try {
      return codec.decode(type, message.getBody());
    } catch (MessageCodec.UnreadableMessage e) {
      throw new MessageConversionException(e.getMessage(), e.getCause());
    }
  }

  /** The logical type of a received message; see {@link MessageCodec#typeOf}. */
  static String typeOf(MessageProperties properties) {
    return MessageCodec.typeOf(
        properties.getType(), properties.getHeaders(), properties.getReceivedRoutingKey());
  }
}
