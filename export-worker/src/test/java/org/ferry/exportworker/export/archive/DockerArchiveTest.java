package org.ferry.exportworker.export.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.ferry.image.Digest;
import org.junit.jupiter.api.Test;

class DockerArchiveTest {

  private static final Digest CONFIG = digest('c');
  private static final Digest BASE = digest('a');
  private static final Digest TOP = digest('b');

  @Test
  void writesDockerSaveLayoutWithLayersAsGivenAndManifestInOrder() throws IOException {
    // given
    var bytes = archive();

    // when
    var entries = entries(bytes);

    // then
    assertThat(entries.keySet())
        .containsExactly(
            CONFIG.hex() + ".json", BASE.hex() + ".tar.gz", TOP.hex() + ".tar", "manifest.json");
    assertThat(entries.get(BASE.hex() + ".tar.gz")).isEqualTo("base-layer-bytes");
    assertThat(entries.get(TOP.hex() + ".tar")).isEqualTo("top");
    var manifest = new ObjectMapper().readTree(entries.get("manifest.json"));
    assertThat(manifest.get(0).get("Config").asText()).isEqualTo(CONFIG.hex() + ".json");
    assertThat(manifest.get(0).get("RepoTags").get(0).asText()).isEqualTo("team-a/hello:v1");
    assertThat(manifest.get(0).get("Layers"))
        .extracting(node -> node.asText())
        .containsExactly(BASE.hex() + ".tar.gz", TOP.hex() + ".tar", BASE.hex() + ".tar.gz");
  }

  @Test
  void writesTheSameBytesForTheSameImage() throws IOException {
    // given
    var first = archive();

    // when
    var second = archive();

    // then: a checksum a user compares later stays valid across exports of one image
    assertThat(second).isEqualTo(first);
  }

  @Test
  void refusesAManifestThatNamesALayerItDoesNotHold() throws IOException {
    // given
    var archive = new DockerArchive(new ByteArrayOutputStream());
    archive.addConfig(CONFIG, "{}".getBytes(StandardCharsets.UTF_8));

    // when / then
    assertThatThrownBy(() -> archive.finish("team-a/hello:v1", List.of(BASE)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(BASE.value());
  }

  private static byte[] archive() throws IOException {
    var out = new ByteArrayOutputStream();
    var archive = new DockerArchive(out);
    archive.addConfig(CONFIG, "{\"rootfs\":{}}".getBytes(StandardCharsets.UTF_8));
    archive.addLayer(BASE, 16, LayerEncoding.GZIP, entry -> entry.write(utf8("base-layer-bytes")));
    archive.addLayer(TOP, 3, LayerEncoding.TAR, entry -> entry.write(utf8("top")));
    archive.finish("team-a/hello:v1", List.of(BASE, TOP, BASE));
    return out.toByteArray();
  }

  private static Map<String, String> entries(byte[] archive) throws IOException {
    var entries = new LinkedHashMap<String, String>();
    try (var tar =
        new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(archive)))) {
      for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        entries.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Digest digest(char c) {
    return Digest.of("sha256:" + String.valueOf(c).repeat(64));
  }
}
