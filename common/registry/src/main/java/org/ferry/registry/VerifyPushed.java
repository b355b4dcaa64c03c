package org.ferry.registry;

import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.failure.TransientFailure;
import org.ferry.image.Digest;
import org.ferry.image.ImageRef;

/**
 * The registry, not the pusher's word, decides whether a push happened: after a push or commit the
 * tag must be served with the digest that was pushed. Another digest is a permanent {@code
 * conflict} (another push to the same tag overtook this one; retrying would only overwrite it).
 */
public final class VerifyPushed {

  private final RegistryReader registry;

  public VerifyPushed(RegistryReader registry) {
    this.registry = registry;
  }

  /**
   * @param action what was tried, for "Could not &lt;action&gt;"
   * @throws PermanentFailure with reason {@link ReasonCodes#CONFLICT} if the tag serves another
   *     digest
   * @throws TransientFailure if the registry does not serve the tag at all yet
   */
  public void verify(String action, ImageRef ref, Digest pushed) {
    var served = registry.headManifest(Repository.of(ref), ref.tag().value());
    if (served.isEmpty()) {
      throw new TransientFailure(
          action,
          "the registry does not serve " + ref + " right after the push",
          "Try again; tell the operators if it persists.",
          null);
    }
    if (!served.get().digest().equals(pushed)) {
      throw new PermanentFailure(
          action,
          "the registry serves "
              + ref
              + " as "
              + served.get().digest()
              + ", not as the pushed "
              + pushed
              + "; another push to the same tag overtook this one",
          "Check which image the tag should hold and try again if needed.",
          ReasonCodes.CONFLICT);
    }
  }
}
