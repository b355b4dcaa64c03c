package org.ferry.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.ferry.contract.MessageCodec;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.ConditionalRejectingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.amqp.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.amqp.SimpleRabbitListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;

/**
 * Wires Ferry's message converter, publisher, topology and listener error handling into a service.
 */
@AutoConfiguration(before = RabbitAutoConfiguration.class)
public class MessagingAutoConfiguration {

  /** The mapper for messages; separate from the web one so HTTP settings cannot change the wire. */
  public static ObjectMapper messageMapper() {
    return MessageCodec.mapper();
  }

  @Bean
  FerryMessageConverter ferryMessageConverter(
      @Value("${spring.application.name:ferry}") String application) {
    return new FerryMessageConverter(messageMapper(), "/ferry/" + application);
  }

  @Bean
  Declarables ferryTopology() {
    return Topology.shared();
  }

  @Bean
  MessagePublisher messagePublisher(
      RabbitTemplate template,
      @Value("${ferry.messaging.confirm-timeout:10s}") Duration confirmTimeout) {
    return new MessagePublisher(template, confirmTimeout);
  }

  @Bean(name = "rabbitListenerContainerFactory")
  SimpleRabbitListenerContainerFactory rabbitListenerContainerFactory(
      SimpleRabbitListenerContainerFactoryConfigurer configurer,
      ConnectionFactory connectionFactory) {
    var factory = new SimpleRabbitListenerContainerFactory();
    configurer.configure(factory, connectionFactory);
    factory.setErrorHandler(new ConditionalRejectingErrorHandler(new TransientFailureRequeues()));
    return factory;
  }
}
