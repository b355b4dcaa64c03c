package org.ferry.image;

import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;

/**
 * Which team may read and write which registry namespace: a team reads its own and {@code common},
 * and writes only its own; nobody writes {@code common} through Ferry. Every door (gateway and
 * workers) asks this one class, so the doors cannot drift apart.
 */
public final class NamespacePolicy {

  private NamespacePolicy() {}

  /** Whether {@code team} may read (list, pull, export) images of {@code namespace}. */
  public static boolean mayRead(Team team, Team namespace) {
    return readableByAll(namespace) || namespace.equals(team);
  }

  /** Whether {@code team} may write (push, commit, delete) images of {@code namespace}. */
  public static boolean mayWrite(Team team, Team namespace) {
    return !readableByAll(namespace) && namespace.equals(team);
  }

  /** Whether every team, and a caller of no team, may read {@code namespace}. */
  public static boolean readableByAll(Team namespace) {
    return namespace.isCommon();
  }

  /**
   * Refuses a write of {@code team} into {@code namespace} that {@link #mayWrite} does not allow.
   *
   * @param action what was tried, for "Could not &lt;action&gt;"
   * @param whatToDo what the user can do instead
   * @throws PermanentFailure with reason {@link ReasonCodes#FORBIDDEN}
   */
  public static void requireWrite(Team team, Team namespace, String action, String whatToDo) {
    if (mayWrite(team, namespace)) {
      return;
    }
    var reason =
        readableByAll(namespace)
            ? "the common namespace is shared and read-only for teams"
            : "the namespace " + namespace + " belongs to another team";
    throw new PermanentFailure(action, reason, whatToDo, ReasonCodes.FORBIDDEN);
  }
}
