package org.ferry.gateway.delete;

import java.time.Clock;
import java.util.Optional;
import org.ferry.contract.DeleteRequested;
import org.ferry.failure.InvalidValue;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.gateway.account.Caller;
import org.ferry.gateway.operation.SendRequest;
import org.ferry.image.Digest;
import org.ferry.image.ImageName;
import org.ferry.image.ImageRef;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.ferry.registry.RegistryReader;
import org.ferry.registry.Repository;
import org.ferry.registry.TagMoved;
import org.springframework.stereotype.Service;

/**
 * Starts the deletion of a tag in the team's own namespace. When the caller names the digest it
 * saw, a tag that points elsewhere by now is refused here, before anything is queued; the worker
 * checks again, because the tag can still move after the 202.
 */
@Service
class RequestDelete {

  private final SendRequest send;
  private final RegistryReader registry;
  private final Clock clock;

  RequestDelete(SendRequest send, RegistryReader registry, Clock clock) {
    this.send = send;
    this.registry = registry;
    this.clock = clock;
  }

  OperationId request(
      Caller caller, Team team, String name, String tag, boolean allTags, String digest) {
    if (!ImageName.isValid(name)) {
      throw new InvalidValue("name", name, ImageName.RULE);
    }
    if (!Tag.isValid(tag)) {
      throw new InvalidValue("tag", tag, Tag.RULE);
    }
    var expected = Optional.ofNullable(digest).map(Digest::of);
    var ref = new ImageRef(registry.access().address(), team, ImageName.of(name), Tag.of(tag));
    if (expected.isPresent()) {
      stillTagged(ref, expected);
    }
    var id = OperationId.random();
    send.send(
        new DeleteRequested(
            id,
            team,
            clock.instant(),
            caller.username(),
            caller.source(),
            ref.name(),
            ref.tag(),
            allTags,
            expected.orElse(null)));
    return id;
  }

  private void stillTagged(ImageRef ref, Optional<Digest> expected) {
    var action = "delete " + ref.shortName();
    var current =
        registry
            .headManifest(Repository.of(ref), ref.tag().value())
            .orElseThrow(
                () ->
                    new PermanentFailure(
                        action,
                        "the registry has no such image",
                        "Refresh the image list; it may have been deleted already.",
                        ReasonCodes.NOT_FOUND));
    TagMoved.check(action, expected, current.digest());
  }
}
