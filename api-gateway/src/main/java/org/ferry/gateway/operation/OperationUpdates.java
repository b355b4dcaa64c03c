package org.ferry.gateway.operation;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.ferry.image.Team;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent-event streams, per team; every change the store records is sent to the
 * streams of its team as an {@code operation} event.
 */
@Component
class OperationUpdates implements SmartLifecycle {

  private final StreamProperties properties;
  private final Map<Team, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
  private volatile boolean running;

  OperationUpdates(StreamProperties properties) {
    this.properties = properties;
  }

  SseEmitter subscribe(Team team) {
    var emitter = new SseEmitter(properties.timeout().toMillis());
    var subscribers = streams.computeIfAbsent(team, t -> new CopyOnWriteArraySet<>());
    subscribers.add(emitter);
    emitter.onCompletion(() -> subscribers.remove(emitter));
    emitter.onTimeout(emitter::complete);
    emitter.onError(error -> subscribers.remove(emitter));
    // Tells the page the stream is live, so it can (re)load the list without missing a change.
    send(subscribers, emitter, SseEmitter.event().name("ready").data("{}"));
    return emitter;
  }

  void publish(OperationView operation) {
    var subscribers = streams.get(Team.of(operation.team()));
    if (subscribers == null) {
      return;
    }
    for (var emitter : subscribers) {
      send(
          subscribers,
          emitter,
          SseEmitter.event()
              .name("operation")
              .id(operation.id())
              .data(operation, MediaType.APPLICATION_JSON));
    }
  }

  /** A comment now and then keeps idle streams open through proxies and finds closed ones. */
  @Scheduled(fixedDelayString = "${ferry.gateway.stream.heartbeat:20s}")
  void heartbeat() {
    streams
        .values()
        .forEach(
            subscribers ->
                subscribers.forEach(
                    emitter ->
                        send(subscribers, emitter, SseEmitter.event().comment("heartbeat"))));
  }

  @Override
  public void start() {
    running = true;
  }

  /**
   * Ends every open stream before the web server shuts down gracefully, which would otherwise wait
   * for these never-ending responses; browsers reconnect to the next instance.
   */
  @Override
  public void stop() {
    running = false;
    streams.values().forEach(subscribers -> subscribers.forEach(SseEmitter::complete));
    streams.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private static void send(
      Set<SseEmitter> subscribers, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
    try {
      emitter.send(event);
    } catch (IOException | IllegalStateException gone) {
      // The browser went away; its stream is dropped, and it reconnects if it is still there.
      subscribers.remove(emitter);
      emitter.completeWithError(gone);
    }
  }
}
