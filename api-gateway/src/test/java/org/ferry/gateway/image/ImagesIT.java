package org.ferry.gateway.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.gateway.testing.TestGateway.ALICE;
import static org.ferry.gateway.testing.TestGateway.ALICE_TEAM;
import static org.ferry.gateway.testing.TestGateway.BOB_TEAM;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ferry.gateway.testing.GatewayIT;
import org.ferry.gateway.testing.RegistryImages;
import org.ferry.registry.RegistryClient;
import org.ferry.registry.RegistryRetry;
import org.ferry.testing.DockerCli;
import org.ferry.testing.LocalServices;
import org.ferry.testing.TestTeams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image list reads the real registry: the team's repositories and common's, never another
 * team's; one tag of the team's reads with its digest and size. The images are put there by the
 * test with the push account, as a worker would.
 */
class ImagesIT extends GatewayIT {

  private static final RegistryImages images = new RegistryImages();

  private static final String COMMON_NAME = TestTeams.unique("shared").value();
  private static final List<String> PUSHED =
      List.of(
          ALICE_TEAM + "/hello:v1",
          ALICE_TEAM + "/hello:v2",
          "common/" + COMMON_NAME + ":1",
          BOB_TEAM + "/secret:v1");

  @BeforeAll
  static void pushImages() {
    var registry = LocalServices.registry();
    var local = "ferry-test/gateway-images:1";
    DockerCli.build(local, Map.of("/hello.txt", "hello"), null);
    DockerCli.login(LocalServices.pushAccess());
    for (var target : PUSHED) {
      var reference = registry + "/" + target;
      DockerCli.ok("tag", local, reference);
      DockerCli.ok("push", reference);
      DockerCli.ok("rmi", reference);
    }
  }

  /** The registry is shared: the test's images, common's above all, do not outlive the test. */
  @AfterAll
  static void deleteImages() {
    images.close();
    var registry =
        new RegistryClient(
            LocalServices.pushAccess(), RegistryRetry.create("it", 1, Duration.ofMillis(100)));
    for (var target : PUSHED) {
      var repository =
          org.ferry.registry.Repository.parse(target.substring(0, target.indexOf(':')));
      registry
          .headManifest(repository, target.substring(target.indexOf(':') + 1))
          .ifPresent(manifest -> registry.deleteManifest(repository, manifest.digest()));
    }
  }

  @Test
  void listsTheTeamsAndCommonRepositoriesWithTheirTags() {
    // when
    var answer = http.get(ALICE, "/api/v1/teams/" + ALICE_TEAM + "/images");

    // then
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    var tags = new HashMap<String, List<String>>();
    answer
        .json()
        .forEach(
            repository -> {
              var list = new ArrayList<String>();
              repository.get("tags").forEach(tag -> list.add(tag.asText()));
              tags.put(repository.get("repository").asText(), list);
            });
    assertThat(tags).containsEntry(ALICE_TEAM + "/hello", List.of("v1", "v2"));
    assertThat(tags).containsEntry("common/" + COMMON_NAME, List.of("1"));
    assertThat(tags.keySet())
        .allSatisfy(
            repository ->
                assertThat(repository).matches("(" + ALICE_TEAM + "|common)/[a-z0-9_-]+"));
    assertThat(tags).doesNotContainKey(BOB_TEAM + "/secret");
    assertThat(answer.json().get(0).get("namespace").asText()).isEqualTo(ALICE_TEAM.value());
  }

  @Test
  void describesOneOfTheTeamsTagsWithTheDigestAndSizeADeleteNames() {
    // given
    var pushed = images.push(ALICE_TEAM, "described", "v1", "described");

    // when
    var answer = http.get(ALICE, "/api/v1/teams/" + ALICE_TEAM + "/images/described/tags/v1");

    // then
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("digest").asText()).isEqualTo(pushed.digest().value());
    assertThat(answer.json().get("size").asLong()).isEqualTo(pushed.size());
    assertThat(answer.json().get("repository").asText()).isEqualTo(ALICE_TEAM + "/described");
    assertThat(answer.json().get("reference").asText())
        .isEqualTo(LocalServices.registry() + "/" + ALICE_TEAM + "/described:v1");
  }

  @Test
  void answersNotFoundForATagTheRegistryDoesNotHave() {
    // when
    var answer = http.get(ALICE, "/api/v1/teams/" + ALICE_TEAM + "/images/described/tags/none");

    // then
    assertThat(answer.status()).as(answer.body()).isEqualTo(404);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("detail").asText())
        .isEqualTo(
            "Could not look up "
                + ALICE_TEAM
                + "/described:none: the registry has no such image. Refresh the image list; it"
                + " may have been deleted.");
  }
}
