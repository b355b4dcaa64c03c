package org.ferry.registry;

import java.util.Map;
import java.util.Optional;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.Digest;

/**
 * A tag that no longer points at the digest the requester saw: someone pushed to it since, and
 * acting on it now would act on another image. The gateway checks this before it queues a delete
 * and the push worker again right before it deletes, so both refuse in the same words.
 */
public final class TagMoved extends PermanentFailure {

  /** The detail that names the digest the tag points at now. */
  public static final String CURRENT_DIGEST = "currentDigest";

  /** The detail that names the digest the request expected. */
  public static final String EXPECTED_DIGEST = "expectedDigest";

  private final Digest expected;
  private final Digest current;

  private TagMoved(String action, Digest expected, Digest current) {
    super(
        action,
        "the tag now points at " + current + ", not at " + expected + " that the request named",
        "Someone pushed to it since: look at the image again and delete it if it should still go.",
        ReasonCodes.CONFLICT);
    this.expected = expected;
    this.current = current;
  }

  /**
   * Throws when the request named a digest and the tag points at another; a request without one is
   * not checked.
   *
   * @param action what is refused, such as {@code delete team-a/hello:v1}
   */
  public static void check(String action, Optional<Digest> expected, Digest current) {
    if (expected.isPresent() && !expected.get().equals(current)) {
      throw new TagMoved(action, expected.get(), current);
    }
  }

  public Digest current() {
    return current;
  }

  @Override
  public Map<String, String> details() {
    return Map.of(CURRENT_DIGEST, current.value(), EXPECTED_DIGEST, expected.value());
  }
}
