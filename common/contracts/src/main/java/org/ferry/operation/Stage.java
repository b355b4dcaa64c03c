package org.ferry.operation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stages a running operation reports progress in. A reader takes a stage it does not know (one
 * a newer worker added) as {@link #UNKNOWN}, never as an error.
 */
public enum Stage {
  /** Reading an archive to check it before anything is sent. */
  CHECKING,
  /** Reading an archive's layers. */
  READING,
  /** Sending layers to the registry. */
  UPLOADING,
  /** Checking that the registry serves what was pushed. */
  VERIFYING,
  /** Committing a reservation's container. */
  COMMITTING,
  /** Deleting a tag. */
  DELETING,
  /** Copying an image's blobs from the registry to the NAS. */
  DOWNLOADING,
  /** A stage this reader does not know yet. */
  UNKNOWN;

  private static final Map<String, Stage> BY_LABEL =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(Stage::label, Function.identity()));

  /** The label on the wire and in metrics, such as {@code uploading}. */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The stage with this label, or {@link #UNKNOWN} for a label this reader does not know. */
  @JsonCreator
  public static Stage of(String label) {
    return label == null ? UNKNOWN : BY_LABEL.getOrDefault(label, UNKNOWN);
  }
}
