package org.ferry.exportworker.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ferry.image.ImageName;
import org.ferry.image.ImageRef;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.registry.RegistryClient;
import org.ferry.registry.RegistryRetry;
import org.ferry.registry.Repository;
import org.ferry.testing.DockerCli;
import org.ferry.testing.LocalServices;

/**
 * Puts test images into the real registry the way a user would (docker build, tag, push with the
 * push account) and removes them again afterwards. This is test setup, not the system under test.
 */
final class TestImages {

  private final List<ImageRef> pushed = new ArrayList<>();
  private final RegistryClient registry =
      new RegistryClient(
          LocalServices.pushAccess(), RegistryRetry.create("test", 2, Duration.ofMillis(200)));

  /** Pushes {@code <namespace>/<name>:<tag>} with {@code /marker} holding {@code marker}. */
  ImageRef pushWithMarker(Team namespace, String name, String tag, String marker) {
    return push(namespace, name, tag, "RUN echo " + marker + " > /marker\n");
  }

  /**
   * Pushes an image with {@code /marker} and a layer of {@code megabytes} of random data, which no
   * compression shrinks.
   */
  ImageRef pushWithRandomLayer(
      Team namespace, String name, String tag, String marker, int megabytes) {
    return push(
        namespace,
        name,
        tag,
        "RUN echo "
            + marker
            + " > /marker\n"
            + "RUN /bin/busybox dd if=/dev/urandom of=/random bs=1048576 count="
            + megabytes
            + " 2>/dev/null\n");
  }

  private ImageRef push(Team namespace, String name, String tag, String steps) {
    DockerCli.ensureBaseImage();
    var ref = new ImageRef(LocalServices.registry(), namespace, ImageName.of(name), Tag.of(tag));
    try {
      var context = Files.createTempDirectory("ferry-export-it");
      Files.writeString(
          context.resolve("Dockerfile"), "FROM " + DockerCli.BASE_IMAGE + "\n" + steps);
      DockerCli.ok("build", "-q", "-t", ref.toString(), context.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DockerCli.login(LocalServices.pushAccess());
    DockerCli.ok("push", ref.toString());
    DockerCli.ok("rmi", ref.toString());
    pushed.add(ref);
    return ref;
  }

  /** Deletes what this run pushed, so runs sharing the registry do not pile up images. */
  void deleteAll() {
    for (var ref : pushed) {
      registry
          .headManifest(Repository.of(ref), ref.tag().value())
          .ifPresent(info -> registry.deleteManifest(Repository.of(ref), info.digest()));
    }
    pushed.clear();
  }
}
