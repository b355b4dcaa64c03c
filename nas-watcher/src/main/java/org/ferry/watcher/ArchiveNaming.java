package org.ferry.watcher;

import java.util.List;
import org.ferry.contract.FileName;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;

/**
 * How an automatic push names the image: the file's stem is the image name, and the archive's
 * single {@code RepoTags} entry gives the tag when its tag is valid, else {@code latest}. Only the
 * tag is taken from the archive, never a registry, namespace or name.
 */
final class ArchiveNaming {

  private ArchiveNaming() {}

  /**
   * The image name for {@code file}.
   *
   * @throws PermanentFailure if the stem breaks the naming rule; its message says the rule and that
   *     the Push button can push the archive under another name
   */
  static ImageName imageName(FileName file) {
    var stem = file.stem();
    if (!ImageName.isValid(stem)) {
      throw new PermanentFailure(
          "push " + file + " automatically",
          "the file name before its extension, '"
              + stem
              + "', is the image name, and it breaks the naming rule: "
              + ImageName.RULE,
          "Rename the file so that its name follows the rule, or push it under another name with"
              + " the Push button on the Images page.",
          ReasonCodes.INVALID_INPUT);
    }
    return ImageName.of(stem);
  }

  /**
   * The tag of the only entry of {@code repoTags}, such as {@code v1.2} of {@code
   * registry:5000/team/app:v1.2}, or {@code latest} when there is not exactly one entry or its tag
   * is missing or invalid.
   */
  static Tag tag(List<String> repoTags) {
    if (repoTags == null || repoTags.size() != 1 || repoTags.get(0) == null) {
      return Tag.LATEST;
    }
    var reference = repoTags.get(0);
    // A registry host may carry a port (host:5000/app), so the tag separator is the last ':'
    // after the last '/'.
    var lastPart = reference.substring(reference.lastIndexOf('/') + 1);
    var colon = lastPart.lastIndexOf(':');
    if (colon < 0 || lastPart.indexOf('@') >= 0) {
      return Tag.LATEST;
    }
    var tag = lastPart.substring(colon + 1);
    return Tag.isValid(tag) ? Tag.of(tag) : Tag.LATEST;
  }
}
