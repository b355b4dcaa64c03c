package org.ferry.failure;

/**
 * The labels of {@link Reason}, as compile-time constants for {@code switch} and annotations; the
 * enum takes its labels from here, so the two cannot differ.
 */
public final class ReasonCodes {
  public static final String INVALID_INPUT = "invalid-input";
  public static final String BAD_ARCHIVE = "bad-archive";
  public static final String NOT_FOUND = "not-found";
  public static final String FORBIDDEN = "forbidden";
  public static final String CONFLICT = "conflict";
  public static final String NO_SPACE = "no-space";
  public static final String UNAVAILABLE = "unavailable";
  public static final String REJECTED = "rejected";
  public static final String INTERNAL = "internal";

  private ReasonCodes() {}
}
