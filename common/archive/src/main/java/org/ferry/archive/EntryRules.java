package org.ferry.archive;

import static org.ferry.archive.BadArchive.SAVE_AGAIN;
import static org.ferry.archive.BadArchive.because;
import static org.ferry.archive.BadArchive.shown;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.ferry.failure.PermanentFailure;

/**
 * The rules every entry of an untrusted archive must follow before a Docker daemon (which runs as
 * root) unpacks it: names stay inside the archive, links point inside it, and there are no device
 * nodes or FIFOs.
 *
 * <p>Symbolic links are allowed because {@code docker save} of Docker 25 and later links layer
 * files to {@code blobs/sha256/...}. A link target may climb with leading {@code ..} segments only,
 * and no entry may sit beneath a symbolic link; together these keep every link, however chained,
 * inside the archive root.
 */
final class EntryRules {

  private final String action;

  /** Each link's path and the in-archive path it points at, resolved against the link's folder. */
  private final Map<String, String> links = new HashMap<>();

  private final Set<String> symbolicLinks = new HashSet<>();
  private final Set<String> files = new HashSet<>();
  private final List<String> paths = new ArrayList<>();

  EntryRules(String action) {
    this.action = action;
  }

  /**
   * Checks one entry and returns its normalized path (no leading {@code ./}, no trailing {@code
   * /}).
   */
  String check(TarArchiveEntry entry) {
    var name = entry.getName();
    var path = normalize(name, "name");
    var flag = entry.getLinkFlag();
    switch (flag) {
      case TarConstants.LF_OLDNORM, TarConstants.LF_NORMAL, TarConstants.LF_CONTIG -> {
        requireName(path, name);
        files.add(path);
      }
      case TarConstants.LF_DIR -> {
        // The root folder itself ("./") is harmless.
      }
      case TarConstants.LF_SYMLINK -> {
        requireName(path, name);
        links.put(path, checkSymbolicLink(path, entry.getLinkName()));
        symbolicLinks.add(path);
      }
      case TarConstants.LF_LINK -> {
        requireName(path, name);
        links.put(path, checkHardLink(path, entry.getLinkName()));
        files.add(path);
      }
      case TarConstants.LF_CHR, TarConstants.LF_BLK, TarConstants.LF_FIFO ->
          throw reject(
              "its entry '"
                  + shown(name)
                  + "' is a "
                  + (flag == TarConstants.LF_FIFO ? "FIFO" : "device node")
                  + ", which no docker save archive holds");
      default ->
          throw reject(
              "its entry '" + shown(name) + "' has the unsupported tar type '" + (char) flag + "'");
    }
    if (!path.isEmpty()) {
      requireNotBeneathLink(path, name, symbolicLinks);
      paths.add(path);
    }
    return path;
  }

  /**
   * Re-checks, once all entries are known, that no entry sits beneath a symbolic link that came
   * later in the archive.
   */
  void finish() {
    for (var path : paths) {
      requireNotBeneathLink(path, path, symbolicLinks);
    }
  }

  /** The in-archive path the link at {@code path} points at, or null when it is no link. */
  String linkTarget(String path) {
    return links.get(path);
  }

  /**
   * The path of the entry that {@code name} finally names once the links seen so far are followed;
   * {@code name} itself (normalized) when it is no link, or when its links run in a circle or
   * outside the archive and so name no entry.
   */
  String resolve(String name) {
    var path = lenient(name);
    var seen = new HashSet<String>();
    while (links.containsKey(path) && seen.add(path)) {
      path = links.get(path);
    }
    return links.containsKey(path) ? lenient(name) : path;
  }

  /** {@code name} without {@code ./} and doubled slashes; one that climbs out is left as it is. */
  private static String lenient(String name) {
    var normalized = new StringBuilder();
    for (var segment : name.split("/")) {
      if (segment.equals("..")) {
        return name;
      }
      if (!segment.isEmpty() && !segment.equals(".")) {
        normalized.append(normalized.isEmpty() ? "" : "/").append(segment);
      }
    }
    return name.startsWith("/") ? name : normalized.toString();
  }

  private String checkSymbolicLink(String path, String target) {
    if (target.isEmpty()) {
      throw reject("its symbolic link '" + shown(path) + "' has no target");
    }
    if (target.startsWith("/")) {
      throw escapes(path, target);
    }
    var segments = new ArrayList<>(List.of(path.split("/")));
    segments.remove(segments.size() - 1);
    var climbing = true;
    for (var segment : target.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (!climbing || segments.isEmpty()) {
          // A ".." after a named segment could climb out through another link.
          throw escapes(path, target);
        }
        segments.remove(segments.size() - 1);
      } else {
        climbing = false;
        segments.add(segment);
      }
    }
    return String.join("/", segments);
  }

  private String checkHardLink(String path, String target) {
    var resolved = normalize(target, "hard link target");
    if (!files.contains(resolved)) {
      throw reject(
          "its hard link '"
              + shown(path)
              + "' points at '"
              + shown(target)
              + "', which is not a file earlier in the archive");
    }
    return resolved;
  }

  private String normalize(String name, String what) {
    if (name.startsWith("/")) {
      throw reject("its entry " + what + " '" + shown(name) + "' is an absolute path");
    }
    var normalized = new StringBuilder();
    for (var segment : name.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        throw reject("its entry " + what + " '" + shown(name) + "' climbs out with '..'");
      }
      if (!normalized.isEmpty()) {
        normalized.append('/');
      }
      normalized.append(segment);
    }
    return normalized.toString();
  }

  private void requireName(String path, String name) {
    if (path.isEmpty()) {
      throw reject("it has an entry without a name ('" + shown(name) + "')");
    }
  }

  private void requireNotBeneathLink(String path, String name, Set<String> links) {
    for (var slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
      if (links.contains(path.substring(0, slash))) {
        throw reject(
            "its entry '"
                + shown(name)
                + "' lies beneath the symbolic link '"
                + shown(path.substring(0, slash))
                + "'");
      }
    }
  }

  private PermanentFailure escapes(String path, String target) {
    return reject(
        "its symbolic link '"
            + shown(path)
            + "' points at '"
            + shown(target)
            + "', outside the archive");
  }

  private PermanentFailure reject(String reason) {
    return because(action, reason, SAVE_AGAIN);
  }
}
