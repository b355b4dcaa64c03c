package org.ferry.pushworker.delete;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.ferry.image.Digest;
import org.ferry.image.Team;
import org.ferry.pushworker.push.RunningPushWorker;
import org.ferry.registry.ManifestInfo;
import org.ferry.registry.Repository;
import org.ferry.testing.DockerCli;
import org.ferry.testing.LocalServices;
import org.junit.jupiter.api.Test;

class DeleteTagIT extends RunningPushWorker {

  @Test
  void deletesATagSoThatPullingItFails() {
    // given
    var team = newTeam("da");
    var digest = pushThroughFerry(team, "gone", "v1", "delete-" + UUID.randomUUID());
    var ref = ref(team, "gone", "v1");
    var request = deleteRequest(team, "gone", "v1", false);

    // when
    publisher.publish(request);

    // then
    var succeeded = events.awaitSucceeded(request.operationId());
    assertThat(succeeded.message()).isEqualTo("Deleted " + ref + " (" + digest + ")");
    assertThat(succeeded.result())
        .containsEntry("reference", ref.toString())
        .containsEntry("digest", digest)
        .containsEntry("removedTags", "v1");
    assertThat(registry.headManifest(Repository.of(ref), "v1")).isEmpty();
    var pull = DockerCli.run("pull", ref.toString());
    assertThat(pull.ok()).isFalse();
    assertThat(pull.output()).containsIgnoringCase("not found");
  }

  @Test
  void refusesToDeleteADigestSharedWithOtherTagsUnlessAllTagsMayGo() throws Exception {
    // given: v1 and v2 on the same digest
    var team = newTeam("ds");
    var digest = pushThroughFerry(team, "shared", "v1", "shared-" + UUID.randomUUID());
    var repository = Repository.of(ref(team, "shared", "v1"));
    RegistryTags.tag(LocalServices.pushAccess(), repository, "v1", "v2");
    var refused = deleteRequest(team, "shared", "v1", false);
    var allTags = deleteRequest(team, "shared", "v1", true);

    // when
    publisher.publish(refused);
    var failed = events.awaitFailed(refused.operationId());

    // then
    assertThat(failed.reason().label()).isEqualTo("conflict");
    assertThat(failed.message())
        .isEqualTo(
            "Could not delete "
                + team
                + "/shared:v1: its digest "
                + digest
                + " is also tagged v2, and the registry deletes all tags of a digest together."
                + " Delete with allTags to remove them all.");
    assertThat(registry.headManifest(repository, "v1")).isPresent();
    assertThat(
            registry.headManifest(repository, "v2").map(ManifestInfo::digest).map(Object::toString))
        .contains(digest);

    // when
    publisher.publish(allTags);

    // then
    var succeeded = events.awaitSucceeded(allTags.operationId());
    assertThat(succeeded.result()).containsEntry("removedTags", "v1,v2");
    assertThat(registry.headManifest(repository, "v1")).isEmpty();
    assertThat(registry.headManifest(repository, "v2")).isEmpty();
  }

  @Test
  void leavesATagThatWasPushedAgainSinceTheUserSawItAndNamesItsCurrentDigest() {
    // given: the user saw v1 at one digest, then someone pushed another image to v1
    var team = newTeam("dr");
    var seen = pushThroughFerry(team, "moved", "v1", "seen-" + UUID.randomUUID());
    var current = pushThroughFerry(team, "moved", "v1", "pushed-since-" + UUID.randomUUID());
    assertThat(current).isNotEqualTo(seen);
    var repository = Repository.of(ref(team, "moved", "v1"));
    var stale = deleteRequest(team, "moved", "v1", false, Digest.of(seen));

    // when
    publisher.publish(stale);

    // then
    var failed = events.awaitFailed(stale.operationId());
    assertThat(failed.reason().label()).isEqualTo("conflict");
    assertThat(failed.message())
        .startsWith(
            "Could not delete "
                + team
                + "/moved:v1: the tag now points at "
                + current
                + ", not at "
                + seen);
    assertThat(failed.details())
        .containsEntry("currentDigest", current)
        .containsEntry("expectedDigest", seen);
    assertThat(
            registry.headManifest(repository, "v1").map(ManifestInfo::digest).map(Object::toString))
        .contains(current);

    // and when the user deletes what the tag points at now
    var fresh = deleteRequest(team, "moved", "v1", false, Digest.of(current));
    publisher.publish(fresh);

    // then
    assertThat(events.awaitSucceeded(fresh.operationId()).result())
        .containsEntry("digest", current);
    assertThat(registry.headManifest(repository, "v1")).isEmpty();
  }

  @Test
  void failsClearlyForATagThatDoesNotExist() {
    // given
    var team = newTeam("dm");
    var request = deleteRequest(team, "nothing", "v9", false);

    // when
    publisher.publish(request);

    // then
    var failed = events.awaitFailed(request.operationId());
    assertThat(failed.reason().label()).isEqualTo("not-found");
    assertThat(failed.message())
        .isEqualTo(
            "Could not delete "
                + team
                + "/nothing:v9: the registry has no such image. Check the name and tag on the"
                + " Images page.");
  }

  @Test
  void neverDeletesFromCommon() {
    // given
    var request = deleteRequest(Team.COMMON, "base", "1", true);

    // when
    publisher.publish(request);

    // then
    var failed = events.awaitFailed(request.operationId());
    assertThat(failed.reason().label()).isEqualTo("forbidden");
    assertThat(failed.message()).startsWith("Could not delete common/base:1:");
  }
}
