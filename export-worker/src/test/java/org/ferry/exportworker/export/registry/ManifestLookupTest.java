package org.ferry.exportworker.export.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ferry.exportworker.export.registry.Blobs.digestOf;
import static org.ferry.exportworker.export.registry.Blobs.utf8;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.ferry.failure.FerryFailure;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.Digest;
import org.ferry.image.ImageName;
import org.ferry.image.ImageRef;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.registry.Manifest;
import org.ferry.registry.MediaTypes;
import org.ferry.registry.RegistryReader;
import org.ferry.registry.Repository;
import org.junit.jupiter.api.Test;

class ManifestLookupTest {

  private static final ImageRef SOURCE =
      new ImageRef("127.0.0.1:5000", Team.of("team-a"), ImageName.of("hello"), Tag.of("v1"));
  private static final Repository REPO = Repository.of(SOURCE);

  private final RegistryReader registry = mock(RegistryReader.class);
  private final ManifestLookup lookup = new ManifestLookup(registry, Platform.parse("linux/amd64"));

  @Test
  void takesASingleImageManifestAsItIs() {
    // given
    var image = image("amd64-layer");
    serve("v1", image);

    // when
    var resolved = lookup.find(SOURCE);

    // then
    assertThat(resolved.tagDigest()).isEqualTo(image.digest());
    assertThat(resolved.manifest().layers())
        .extracting(Descriptor::digest)
        .containsExactly(digestOf(utf8("amd64-layer")));
  }

  @Test
  void picksTheLinuxAmd64ImageOfAManifestList() {
    // given
    var arm = image("arm-layer");
    var amd = image("amd64-layer");
    var list = index(entry(arm, "linux", "arm64", null), entry(amd, "linux", "amd64", null));
    serve("v1", list);
    serve(arm.digest().value(), arm);
    serve(amd.digest().value(), amd);

    // when
    var resolved = lookup.find(SOURCE);

    // then: the tag's digest stays the list's, as docker pull shows it
    assertThat(resolved.tagDigest()).isEqualTo(list.digest());
    assertThat(resolved.manifest().layers().get(0).digest())
        .isEqualTo(digestOf(utf8("amd64-layer")));
  }

  @Test
  void takesTheOnlyImageOfAListWhateverItsPlatformAndSkipsAttestations() {
    // given
    var arm = image("arm-layer");
    var attestation = image("provenance");
    var list =
        index(
            entry(arm, "linux", "arm64", null),
            entry(attestation, "unknown", "unknown", "attestation-manifest"));
    serve("v1", list);
    serve(arm.digest().value(), arm);

    // when
    var resolved = lookup.find(SOURCE);

    // then
    assertThat(resolved.manifest().layers().get(0).digest()).isEqualTo(digestOf(utf8("arm-layer")));
  }

  @Test
  void namesThePlatformsOfAListWithoutLinuxAmd64() {
    // given
    var arm = image("arm-layer");
    var armV7 = image("arm-v7-layer");
    serve("v1", index(entry(arm, "linux", "arm64", null), entry(armV7, "linux", "arm", "v7")));

    // when / then
    assertThatThrownBy(() -> lookup.find(SOURCE))
        .isInstanceOf(PermanentFailure.class)
        .hasMessage(
            "Could not export team-a/hello:v1: its manifest list has no linux/amd64 image"
                + " (it has linux/arm64, linux/arm/v7). Export an image built for linux/amd64.");
  }

  @Test
  void reportsAMissingTagAsNotFound() {
    // given
    when(registry.getManifest(REPO, "v1")).thenReturn(Optional.empty());

    // when / then
    assertThatThrownBy(() -> lookup.find(SOURCE))
        .isInstanceOf(PermanentFailure.class)
        .hasMessage(
            "Could not export team-a/hello:v1: the registry has no image team-a/hello with the"
                + " tag v1. Choose an image and tag from the image list.")
        .extracting(e -> ((FerryFailure) e).reasonCode())
        .isEqualTo(ReasonCodes.NOT_FOUND);
  }

  @Test
  void rejectsAManifestThatDoesNotMatchItsDigest() {
    // given
    var image = image("amd64-layer");
    var wrong = Digest.of("sha256:" + "0".repeat(64));
    when(registry.getManifest(REPO, "v1"))
        .thenReturn(Optional.of(new Manifest(wrong, image.mediaType(), image.content())));

    // when / then
    assertThatThrownBy(() -> lookup.find(SOURCE))
        .isInstanceOf(PermanentFailure.class)
        .hasMessageContaining("does not match its digest");
  }

  private void serve(String reference, Manifest manifest) {
    when(registry.getManifest(REPO, reference)).thenReturn(Optional.of(manifest));
  }

  private static Manifest image(String layer) {
    var config = utf8("{\"rootfs\":{\"diff_ids\":[\"x\"]}}");
    var json =
        """
        {"schemaVersion":2,"mediaType":"%s",
         "config":{"mediaType":"%s","size":%d,"digest":"%s"},
         "layers":[{"mediaType":"%s","size":%d,"digest":"%s"}]}
        """
            .formatted(
                MediaTypes.DOCKER_MANIFEST,
                MediaTypes.DOCKER_CONFIG,
                config.length,
                digestOf(config),
                MediaTypes.DOCKER_LAYER_GZIP,
                utf8(layer).length,
                digestOf(utf8(layer)));
    return manifest(MediaTypes.DOCKER_MANIFEST, json);
  }

  private static String entry(Manifest manifest, String os, String arch, String variantOrType) {
    var attestation = "attestation-manifest".equals(variantOrType);
    var variant =
        variantOrType != null && !attestation ? ",\"variant\":\"" + variantOrType + "\"" : "";
    var annotations =
        attestation
            ? ",\"annotations\":{\"vnd.docker.reference.type\":\"attestation-manifest\"}"
            : "";
    return """
        {"mediaType":"%s","size":%d,"digest":"%s","platform":{"os":"%s","architecture":"%s"%s}%s}
        """
        .formatted(
            manifest.mediaType(),
            manifest.content().length,
            manifest.digest(),
            os,
            arch,
            variant,
            annotations);
  }

  private static Manifest index(String... entries) {
    var json =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + MediaTypes.OCI_INDEX
            + "\",\"manifests\":["
            + String.join(",", entries)
            + "]}";
    return manifest(MediaTypes.OCI_INDEX, json);
  }

  private static Manifest manifest(String mediaType, String json) {
    var content = utf8(json);
    return new Manifest(digestOf(content), mediaType, content);
  }
}
