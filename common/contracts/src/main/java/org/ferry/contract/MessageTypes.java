package org.ferry.contract;

import java.util.Map;
import java.util.Optional;

/**
 * The logical type ids of Ferry's messages; each is also the message's routing key, and carries its
 * version, so a v2 can run beside a v1.
 */
public final class MessageTypes {

  private static final Map<String, Class<?>> BY_TYPE =
      Map.of(
          PushRequested.TYPE, PushRequested.class,
          CommitRequested.TYPE, CommitRequested.class,
          ExportRequested.TYPE, ExportRequested.class,
          DeleteRequested.TYPE, DeleteRequested.class,
          OperationStarted.TYPE, OperationStarted.class,
          OperationProgressed.TYPE, OperationProgressed.class,
          OperationSucceeded.TYPE, OperationSucceeded.class,
          OperationFailed.TYPE, OperationFailed.class,
          ReservationQuery.TYPE, ReservationQuery.class,
          ReservationList.TYPE, ReservationList.class);

  private static final Map<Class<?>, String> BY_CLASS = inverse(BY_TYPE);

  private MessageTypes() {}

  private static Map<Class<?>, String> inverse(Map<String, Class<?>> byType) {
    var byClass = new java.util.HashMap<Class<?>, String>();
    byType.forEach((type, messageClass) -> byClass.put(messageClass, type));
    return Map.copyOf(byClass);
  }

  /** All type ids and their record classes. */
  public static Map<String, Class<?>> all() {
    return BY_TYPE;
  }

  public static Optional<Class<?>> classOf(String type) {
    return Optional.ofNullable(BY_TYPE.get(type));
  }

  public static String typeOf(Object message) {
    return BY_CLASS.get(message.getClass());
  }
}
