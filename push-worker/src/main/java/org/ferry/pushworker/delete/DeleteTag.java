package org.ferry.pushworker.delete;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ferry.contract.DeleteRequested;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.ImageRef;
import org.ferry.image.NamespacePolicy;
import org.ferry.image.Tag;
import org.ferry.operation.Progress;
import org.ferry.registry.RegistryWriter;
import org.ferry.registry.Repository;
import org.ferry.registry.TagMoved;
import org.ferry.work.Outcome;
import org.springframework.stereotype.Service;

/**
 * Deletes one of a team's tags from the registry for good. The registry deletes manifests by
 * digest, which removes every tag on that digest, so a tag that shares its digest with others is
 * only deleted when the request says all of them may go. A request that names the digest its user
 * saw is refused when the tag points elsewhere now, so an image pushed in between is never the one
 * deleted.
 */
@Service
public class DeleteTag {

  private final RegistryWriter registry;

  DeleteTag(RegistryWriter registry) {
    this.registry = registry;
  }

  /** Deletes the requested tag (and, with {@code allTags}, the tags that share its digest). */
  public Outcome delete(DeleteRequested request, Progress progress) {
    var ref =
        new ImageRef(registry.access().address(), request.team(), request.image(), request.tag());
    var action = "delete " + ref.shortName();
    NamespacePolicy.requireWrite(
        request.team(),
        request.team(),
        action,
        "Delete only your own team's images; ask the operators about common ones.");
    var repository = Repository.of(ref);
    var manifest =
        registry
            .headManifest(repository, ref.tag().value())
            .orElseThrow(
                () ->
                    new PermanentFailure(
                        action,
                        "the registry has no such image",
                        "Check the name and tag on the Images page.",
                        ReasonCodes.NOT_FOUND));
    TagMoved.check(action, request.expectedDigest(), manifest.digest());
    progress.report("checking", 0, -1);
    var sharing = otherTagsOn(repository, ref.tag(), manifest.digest().value());
    if (!sharing.isEmpty() && !request.allTags()) {
      throw new PermanentFailure(
          action,
          "its digest "
              + manifest.digest()
              + " is also tagged "
              + String.join(", ", sharing)
              + ", and the registry deletes all tags of a digest together",
          "Delete with allTags to remove them all.",
          ReasonCodes.CONFLICT);
    }
    progress.report("deleting", 0, -1);
    registry.deleteManifest(repository, manifest.digest());
    var removed = new ArrayList<String>();
    removed.add(ref.tag().value());
    removed.addAll(sharing);
    return new Outcome(
        "Deleted "
            + ref
            + (sharing.isEmpty() ? "" : " and its other tags " + String.join(", ", sharing))
            + " ("
            + manifest.digest()
            + ")",
        Map.of(
            "reference", ref.toString(),
            "digest", manifest.digest().value(),
            "removedTags", String.join(",", removed)));
  }

  private List<String> otherTagsOn(Repository repository, Tag tag, String digest) {
    var sharing = new ArrayList<String>();
    for (var other : registry.tags(repository)) {
      if (other.equals(tag.value())) {
        continue;
      }
      registry
          .headManifest(repository, other)
          .filter(info -> info.digest().value().equals(digest))
          .ifPresent(info -> sharing.add(other));
    }
    return sharing;
  }
}
