package org.ferry.exportworker.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ferry.contract.ExportRequested;
import org.ferry.image.ImageName;
import org.ferry.image.ImageRef;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.nas.NasLayout;
import org.ferry.operation.OperationId;
import org.ferry.operation.Source;
import org.ferry.testing.LocalServices;
import org.ferry.testing.TestBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Shared setup of the export worker's integration tests: a NAS of their own, real services. */
final class ExportWorker {

  private ExportWorker() {}

  /**
   * Points the worker at this JVM's private broker vhost, the real registry and {@code nas} as its
   * NAS root. The registry account is not set here: the worker takes the pull account from
   * var/local.env's variables in the environment, beside the push account's, as when deployed.
   */
  static void properties(DynamicPropertyRegistry registry, Path nas) {
    registry.add("spring.rabbitmq.addresses", () -> TestBroker.shared().amqpUri());
    registry.add("ferry.nas.root", nas::toString);
    registry.add("ferry.registry.address", LocalServices::registry);
  }

  static Path newNas() {
    try {
      return Files.createTempDirectory("ferry-export-nas");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates the team's NAS folders and returns its exported-images folder. */
  static Path teamFolders(Path nas, Team team) {
    try {
      Files.createDirectories(nas.resolve(team.value()).resolve(NasLayout.PUSH_IMAGES));
      return Files.createDirectories(nas.resolve(team.value()).resolve(NasLayout.EXPORTED_IMAGES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ExportRequested request(Team team, ImageRef source, String exportName, boolean overwrite) {
    return request(team, source.namespace(), source.name(), source.tag(), exportName, overwrite);
  }

  static ExportRequested request(
      Team team, Team namespace, ImageName image, Tag tag, String exportName, boolean overwrite) {
    return new ExportRequested(
        OperationId.random(),
        team,
        Instant.now(),
        "export-it",
        Source.AMQP,
        namespace,
        image,
        tag,
        ImageName.of(exportName),
        overwrite);
  }

  /** Every name in {@code folder}, dotfiles included. */
  static List<String> names(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The result of a command that is not {@code docker}. */
  record Command(int exitCode, String output) {}

  static Command run(Path directory, String... command) {
    try {
      var process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .start();
      process.getOutputStream().close();
      var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish");
      }
      return new Command(process.exitValue(), output.strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(ExportWorker::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
