package org.ferry.messaging;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ferry.contract.FerryMessage;

/**
 * A publisher that keeps what it would have published instead of sending it, for unit tests of code
 * that publishes. It lives here, not in ferry-testing, because ferry-testing cannot depend on this
 * starter (the starter's own tests use ferry-testing).
 */
public final class RecordingPublisher extends MessagePublisher {

  private final List<FerryMessage> published = new CopyOnWriteArrayList<>();

  public RecordingPublisher() {
    super(null, Duration.ZERO);
  }

  @Override
  public void publish(FerryMessage message) {
    published.add(message);
  }

  /** Everything published so far, in order. */
  public List<FerryMessage> published() {
    return List.copyOf(published);
  }

  /** What was published of one type, in order. */
  public <T extends FerryMessage> List<T> published(Class<T> type) {
    return published.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
