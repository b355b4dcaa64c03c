package org.ferry.archive;

import java.util.List;

/**
 * What a checked {@code docker save} archive holds: whether it is gzip-compressed, the {@code
 * RepoTags} its single image was saved with (possibly none), and the size of its tar once unpacked.
 */
public record ArchiveSummary(boolean gzip, List<String> repoTags, long uncompressedSize) {

  public ArchiveSummary {
    repoTags = List.copyOf(repoTags);
  }
}
