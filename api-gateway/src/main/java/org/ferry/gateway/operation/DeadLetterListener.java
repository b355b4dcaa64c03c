package org.ferry.gateway.operation;

import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Ends a dead-lettered request as a FAILED operation with a reason, so the page never waits for a
 * poison message forever. It reads raw messages, since a dead letter may be exactly the one that
 * does not convert.
 */
@Configuration
class DeadLetterListener {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterListener.class);

  @Bean
  SimpleMessageListenerContainer deadLetterContainer(
      ConnectionFactory connections, RecordOperation record, Clock clock) {
    var container = new SimpleMessageListenerContainer(connections);
    container.setQueueNames(GatewayTopology.DEAD_QUEUE);
    container.setAcknowledgeMode(AcknowledgeMode.AUTO);
    container.setPrefetchCount(10);
    container.setMissingQueuesFatal(false);
    // A dead letter that even this cannot use is dropped: it is still in ferry.dead for operators.
    container.setDefaultRequeueRejected(false);
    container.setMessageListener((MessageListener) message -> on(message, record, clock));
    return container;
  }

  private static void on(Message message, RecordOperation record, Clock clock) {
    DeadLetter.read(message)
        .ifPresent(
            dead -> {
              log.warn(
                  "operation={} team={} kind={} status=FAILED reason=dead-lettered:{}",
                  dead.operationId(),
                  dead.team(),
                  dead.kind().label(),
                  dead.reason());
              record.fail(
                  dead.operationId(),
                  dead.kind(),
                  dead.team(),
                  dead.message(),
                  Map.of(),
                  clock.instant());
            });
  }
}
