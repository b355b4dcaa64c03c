package org.ferry.pushworker.push.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ferry.archive.ArchiveLimits;
import org.ferry.archive.RetaggedArchive;
import org.ferry.docker.DockerEngine;
import org.ferry.failure.FerryFailure;
import org.ferry.failure.TransientFailure;
import org.ferry.image.ImageRef;
import org.ferry.operation.Progress;
import org.ferry.pushworker.push.PushEngine;
import org.ferry.pushworker.push.PushedImage;
import org.ferry.registry.RegistryAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first push engine: {@code docker load} of the archive re-tagged as the target, then {@code
 * docker push} with Ferry's push account, then {@code docker rmi} of what the load created.
 */
final class DockerPushEngine implements PushEngine {

  private static final Logger log = LoggerFactory.getLogger(DockerPushEngine.class);

  private final DockerArchiveLoader loader;
  private final DockerEngine docker;
  private final RegistryAccess pushAccount;
  private final ArchiveLimits limits;

  DockerPushEngine(
      DockerArchiveLoader loader,
      DockerEngine docker,
      RegistryAccess pushAccount,
      ArchiveLimits limits) {
    this.loader = loader;
    this.docker = docker;
    this.pushAccount = pushAccount;
    this.limits = limits;
  }

  @Override
  public PushedImage push(Path archive, ImageRef target, Progress progress) {
    var file = archive.getFileName().toString();
    var total = sizeOf(archive);
    try {
      var loaded =
          loader.load(
              file,
              () ->
                  RetaggedArchive.open(
                      archive, target, limits, read -> progress.report("reading", read, total)));
      if (!loaded.contains(target.toString())) {
        throw new TransientFailure(
            "push " + file,
            "the Docker daemon reported loading " + loaded + " instead of " + target,
            "Try again; tell the operators if it persists.",
            null);
      }
      progress.report("uploading", 0, -1);
      var digest = docker.push(target, pushAccount, progress);
      return new PushedImage(digest, docker.imageSize(target.toString()));
    } finally {
      removeLoaded(target);
    }
  }

  /**
   * The load named the image only {@code target}, so untagging it removes what the load created;
   * layers another image still uses stay.
   */
  private void removeLoaded(ImageRef target) {
    try {
      docker.remove(target.toString());
    } catch (FerryFailure e) {
      // The push's own outcome matters more than a leftover tag; the next push of the same
      // reference replaces it, and the warning tells the operators.
      log.warn("Could not remove {} from the Docker daemon: {}", target, e.getMessage());
    }
  }

  private static long sizeOf(Path archive) {
    try {
      return Files.size(archive);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
