package org.ferry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.ferry.registry.RegistryAccess;

/**
 * The {@code docker} command line, for tests that build test images, save archives and check
 * results the way a user would ({@code docker pull}, {@code docker run}). Test images are built
 * {@code FROM} a local busybox image; nothing is pulled from Docker Hub.
 */
public final class DockerCli {

  public static final String BASE_IMAGE = "ferry-test/busybox:1";

  private DockerCli() {}

  /** The result of one command. */
  public record Result(int exitCode, String output) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  public static Result run(String... args) {
    return runWithInput(null, args);
  }

  /**
   * Runs {@code docker <args>} with optional standard input and returns its exit code and output.
   */
  public static Result runWithInput(String stdin, String... args) {
    var command = new ArrayList<String>();
    command.add("docker");
    command.addAll(List.of(args));
    try {
      var process = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (stdin != null) {
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      process.getOutputStream().close();
      var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("docker " + String.join(" ", args) + " did not finish");
      }
      return new Result(process.exitValue(), output.strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs a command that must succeed, and returns its output. */
  public static String ok(String... args) {
    var result = run(args);
    if (!result.ok()) {
      throw new IllegalStateException(
          "docker "
              + String.join(" ", args)
              + " failed ("
              + result.exitCode()
              + "): "
              + result.output());
    }
    return result.output();
  }

  /** Makes sure the busybox base image exists, building it from the host's busybox if needed. */
  public static synchronized void ensureBaseImage() {
    if (run("image", "inspect", BASE_IMAGE).ok()) {
      return;
    }
    var busybox = Path.of("/bin/busybox");
    if (!Files.isExecutable(busybox)) {
      throw new IllegalStateException("/bin/busybox is missing: install busybox-static");
    }
    try {
      var rootfs = Files.createTempDirectory("ferry-rootfs");
      Files.createDirectories(rootfs.resolve("bin"));
      Files.copy(busybox, rootfs.resolve("bin/busybox"));
      for (var applet : List.of("sh", "ls", "cat", "echo", "sleep", "touch", "mkdir", "true")) {
        Files.createSymbolicLink(rootfs.resolve("bin/" + applet), Path.of("busybox"));
      }
      var tar = new ProcessBuilder("tar", "-C", rootfs.toString(), "-c", ".").start();
      var importer =
          new ProcessBuilder("docker", "import", "-c", "CMD [\"/bin/sh\"]", "-", BASE_IMAGE)
              .redirectErrorStream(true)
              .start();
      tar.getInputStream().transferTo(importer.getOutputStream());
      importer.getOutputStream().close();
      var output = new String(importer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (importer.waitFor() != 0) {
        throw new IllegalStateException("docker import failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Builds a test image {@code FROM} the busybox base with the given files (path in the image to
   * content) and an optional command.
   */
  public static void build(String reference, Map<String, String> files, String cmd) {
    ensureBaseImage();
    try {
      var context = Files.createTempDirectory("ferry-build");
      var dockerfile = new StringBuilder("FROM " + BASE_IMAGE + "\n");
      var index = 0;
      for (var file : files.entrySet()) {
        var name = "file" + index++;
        Files.writeString(context.resolve(name), file.getValue());
        dockerfile.append("COPY ").append(name).append(' ').append(file.getKey()).append('\n');
      }
      if (cmd != null) {
        dockerfile.append("CMD ").append(cmd).append('\n');
      }
      Files.writeString(context.resolve("Dockerfile"), dockerfile);
      ok("build", "-q", "-t", reference, context.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code docker save <reference>} into {@code target}, gzip-compressed when {@code gzip}. */
  public static Path save(String reference, Path target, boolean gzip) {
    try {
      var plain = Files.createTempFile("ferry-save", ".tar");
      ok("save", "-o", plain.toString(), reference);
      if (gzip) {
        try (var in = Files.newInputStream(plain);
            var out = new GZIPOutputStream(Files.newOutputStream(target))) {
          in.transferTo(out);
        }
        Files.delete(plain);
      } else {
        Files.move(plain, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Logs the daemon in to the registry with {@code access}, as a user's {@code docker login}. */
  public static void login(RegistryAccess access) {
    var result =
        runWithInput(
            access.password(),
            "login",
            access.address(),
            "--username",
            access.username(),
            "--password-stdin");
    if (!result.ok()) {
      throw new IllegalStateException("docker login failed: " + result.output());
    }
  }
}
