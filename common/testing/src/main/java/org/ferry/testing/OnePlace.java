package org.ferry.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.io.FilterInputStream;
import java.security.MessageDigest;
import java.util.function.LongConsumer;
import org.ferry.image.Team;

/**
 * Rules that a policy or helper is defined in one main class only: two copies of a rule drift
 * apart, and the bug is in the gap between them.
 */
public final class OnePlace {

  /** SHA-256 is computed through {@code org.ferry.image.Sha256} only. */
  public static final ArchRule SHA256_ONLY_IN_SHA256 =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("org.ferry.image.Sha256")
          .should()
          .callMethod(MessageDigest.class, "getInstance", String.class)
          .because("digests are made by org.ferry.image.Sha256, the one SHA-256 helper");

  /** Docker clients are built by {@code org.ferry.docker.DockerClients} only. */
  public static final ArchRule DOCKER_CLIENTS_BUILT_ONLY_IN_DOCKER_CLIENTS =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("org.ferry.docker.DockerClients")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("com.github.dockerjava.core.DockerClientImpl")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("com.github.dockerjava.core.DefaultDockerClientConfig")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("com.github.dockerjava.zerodep.ZerodepDockerHttpClient")
          .because(
              "org.ferry.docker.DockerClients decides pool, timeouts and TLS for every client");

  /** Who may read or write {@code common} is decided by {@code NamespacePolicy} only. */
  public static final ArchRule COMMON_NAMESPACE_ONLY_IN_NAMESPACE_POLICY =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("org.ferry.image.NamespacePolicy")
          .should()
          .callMethod(Team.class, "isCommon")
          .because("org.ferry.image.NamespacePolicy is the one namespace policy");

  /**
   * Bytes read are counted by {@code org.ferry.archive.CountingInputStream} only: no other filter
   * stream reports a running total to a listener or calls itself counting.
   */
  public static final ArchRule BYTES_COUNTED_ONLY_IN_COUNTING_INPUT_STREAM =
      noClasses()
          .that()
          .areAssignableTo(FilterInputStream.class)
          .and()
          .doNotHaveFullyQualifiedName("org.ferry.archive.CountingInputStream")
          .should()
          .dependOnClassesThat()
          .areAssignableTo(LongConsumer.class)
          .orShould()
          .haveSimpleNameContaining("Counting")
          .because(
              "org.ferry.archive.CountingInputStream is the one counting stream; compose it with"
                  + " a stream that does more (hashing, limits) rather than count again")
          // A module without filter streams (commit-worker) has nothing to count.
          .allowEmptyShould(true);

  private OnePlace() {}

  /** Checks every rule against {@code classes}. */
  public static void check(JavaClasses classes) {
    SHA256_ONLY_IN_SHA256.check(classes);
    DOCKER_CLIENTS_BUILT_ONLY_IN_DOCKER_CLIENTS.check(classes);
    COMMON_NAMESPACE_ONLY_IN_NAMESPACE_POLICY.check(classes);
    BYTES_COUNTED_ONLY_IN_COUNTING_INPUT_STREAM.check(classes);
  }
}
