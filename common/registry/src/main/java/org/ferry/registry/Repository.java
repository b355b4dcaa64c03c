package org.ferry.registry;

import java.util.Objects;
import java.util.regex.Pattern;
import org.ferry.failure.InvalidValue;
import org.ferry.image.ImageName;
import org.ferry.image.ImageRef;
import org.ferry.image.Team;

/**
 * A repository in the registry, {@code <namespace>/<name>}: a team's (or {@code common}'s) image
 * without its tag. Both parts follow the registry's path-component grammar, which every name Ferry
 * makes also follows, so a repository the catalog lists can be held too.
 */
public record Repository(String namespace, String name) {

  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final String RULE =
      "<namespace>/<name>, each lowercase letters and digits separated by '.', '_', '__' or '-'";

  public Repository {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (!COMPONENT.matcher(namespace).matches()
        || !COMPONENT.matcher(name).matches()
        || namespace.length() + 1 + name.length() > 255) {
      throw new InvalidValue("repository", namespace + "/" + name, RULE);
    }
  }

  /** The repository of a reference Ferry built, {@code <namespace>/<name>}. */
  public static Repository of(ImageRef ref) {
    return of(ref.namespace(), ref.name());
  }

  public static Repository of(Team team, ImageName name) {
    return new Repository(team.value(), name.value());
  }

  /** A path as the registry's catalog lists it; it must have exactly two components. */
  public static Repository parse(String path) {
    var slash = path == null ? -1 : path.indexOf('/');
    if (slash < 0 || path.indexOf('/', slash + 1) >= 0) {
      throw new InvalidValue("repository", path, RULE);
    }
    return new Repository(path.substring(0, slash), path.substring(slash + 1));
  }

  /** Whether this repository is in {@code team}'s namespace. */
  public boolean isIn(Team team) {
    return namespace.equals(team.value());
  }

  /** The path inside the registry, {@code <namespace>/<name>}, as the API's URLs use it. */
  public String path() {
    return namespace + "/" + name;
  }

  @Override
  public String toString() {
    return path();
  }
}
