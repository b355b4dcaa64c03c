package org.ferry.image;

import java.util.Objects;

/**
 * A full image reference {@code <registry>/<namespace>/<name>:<tag>}, always built by the server
 * from validated parts and never parsed from a user's string.
 */
public record ImageRef(String registry, Team namespace, ImageName name, Tag tag) {

  public ImageRef {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tag, "tag");
  }

  /** The repository path inside the registry, {@code <namespace>/<name>}. */
  public String repository() {
    return namespace + "/" + name;
  }

  /** The reference without the tag, {@code <registry>/<namespace>/<name>}. */
  public String repositoryReference() {
    return registry + "/" + repository();
  }

  public ImageRef withTag(Tag other) {
    return new ImageRef(registry, namespace, name, other);
  }

  /** {@code <namespace>/<name>:<tag>}, the form users see on the Images page. */
  public String shortName() {
    return repository() + ":" + tag;
  }

  @Override
  public String toString() {
    return repositoryReference() + ":" + tag;
  }
}
