package org.ferry.operation;

/** Where a running operation reports how far it has come. */
public interface Progress {

  /**
   * Reports {@code done} of {@code total} units in {@code stage}, the label of a {@link Stage}
   * ({@code total} -1 when unknown). Cheap to call often: reports are thinned out before they reach
   * the bus.
   */
  void report(String stage, long done, long total);

  /** Reports {@code done} of {@code total} units in {@code stage}. */
  default void report(Stage stage, long done, long total) {
    report(stage.label(), done, total);
  }

  /** A progress sink that drops everything, for tests and callers without a bus. */
  Progress NONE = (stage, done, total) -> {};
}
