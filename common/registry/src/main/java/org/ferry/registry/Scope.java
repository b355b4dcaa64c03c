package org.ferry.registry;

/**
 * The access a call needs, in the token service's words ({@code repository:team-a/x:pull}); bearer
 * tokens are fetched and cached per scope.
 */
record Scope(String value) {

  /** For {@code /v2/} itself, which needs a login but no repository. */
  static final Scope BASE = new Scope("");

  static final Scope CATALOG = new Scope("registry:catalog:*");

  static Scope pull(Repository repository) {
    return new Scope("repository:" + repository + ":pull");
  }

  static Scope push(Repository repository) {
    return new Scope("repository:" + repository + ":pull,push");
  }

  static Scope delete(Repository repository) {
    return new Scope("repository:" + repository + ":delete,pull");
  }

  @Override
  public String toString() {
    return value;
  }
}
