package org.ferry.watcher;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.ferry.image.Team;
import org.ferry.metrics.FerryMetrics;
import org.ferry.nas.NasLayout;
import org.ferry.testing.DockerCli;
import org.ferry.testing.TestBroker;
import org.ferry.testing.TestTeams;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the real watcher on a temporary NAS against the test broker, and provides real {@code
 * docker save} archives of a test image tagged {@code v1.2}.
 */
final class WatcherFixtures {

  static final Duration INTERVAL = Duration.ofMillis(200);
  static final Duration QUIET = Duration.ofSeconds(1);
  static final String IMAGE_TAG = "v1.2";

  private static Path gzipArchive;
  private static Path tarArchive;

  private WatcherFixtures() {}

  /**
   * Starts the watcher on {@code nas}; {@code args} are extra {@code --key=value} settings that
   * replace the test defaults (Spring would join two values of one key into a list).
   */
  static ConfigurableApplicationContext startWatcher(Path nas, String... args) {
    var settings = new LinkedHashMap<String, String>();
    settings.put("spring.rabbitmq.addresses", TestBroker.shared().amqpUri());
    settings.put("ferry.nas.root", nas.toString());
    settings.put("ferry.watcher.interval", INTERVAL.toMillis() + "ms");
    settings.put("ferry.watcher.quiet-period", QUIET.toMillis() + "ms");
    settings.put("server.port", "0");
    for (var arg : args) {
      var setting = arg.substring(2).split("=", 2);
      settings.put(setting[0], setting[1]);
    }
    var commandLine =
        settings.entrySet().stream()
            .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(NasWatcherApplication.class).run(commandLine);
  }

  /** A team folder with {@code push-images} and {@code exported-images}, named for no one else. */
  static Team newTeam(Path nas, String prefix) {
    var team = TestTeams.unique(prefix);
    try {
      Files.createDirectories(nas.resolve(team.value()).resolve(NasLayout.PUSH_IMAGES));
      Files.createDirectories(nas.resolve(team.value()).resolve(NasLayout.EXPORTED_IMAGES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return team;
  }

  static Path pushImages(Path nas, Team team) {
    return nas.resolve(team.value()).resolve(NasLayout.PUSH_IMAGES);
  }

  /**
   * Copies {@code source} into the team's {@code push-images} as {@code name} the way rsync does:
   * into a dot-named temporary file, then renamed.
   */
  static Path drop(Path source, Path nas, Team team, String name) {
    var folder = pushImages(nas, team);
    try {
      var temp = folder.resolve("." + name + "." + UUID.randomUUID().toString().substring(0, 6));
      Files.copy(source, temp);
      return Files.move(temp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A gzip-compressed {@code docker save} archive of a one-image test image tagged v1.2. */
  static synchronized Path gzipArchive() {
    saveArchives();
    return gzipArchive;
  }

  /** The same archive as a plain tar. */
  static synchronized Path tarArchive() {
    saveArchives();
    return tarArchive;
  }

  /** How many scans the watcher in {@code context} has finished. */
  static long scans(ConfigurableApplicationContext context) {
    return context.getBean(MeterRegistry.class).timer(FerryMetrics.WATCHER_SCAN).count();
  }

  /**
   * Waits until the watcher has scanned for at least two more quiet periods, long enough to have
   * published anything it was going to publish.
   */
  static void awaitMoreScans(ConfigurableApplicationContext context) {
    var before = scans(context);
    var needed = 2 * QUIET.toMillis() / INTERVAL.toMillis() + 1;
    await()
        .pollDelay(QUIET.multipliedBy(2))
        .atMost(Duration.ofSeconds(30))
        .until(() -> scans(context) >= before + needed);
  }

  private static void saveArchives() {
    if (gzipArchive != null) {
      return;
    }
    try {
      var folder = Files.createTempDirectory("ferry-watcher-archives");
      var reference = "ferry-it/watcher-" + UUID.randomUUID().toString().substring(0, 8);
      DockerCli.build(reference + ":" + IMAGE_TAG, Map.of("/hello.txt", "hello from Ferry"), null);
      try {
        gzipArchive =
            DockerCli.save(reference + ":" + IMAGE_TAG, folder.resolve("image.tar.gz"), true);
        tarArchive =
            DockerCli.save(reference + ":" + IMAGE_TAG, folder.resolve("image.tar"), false);
      } finally {
        DockerCli.run("rmi", reference + ":" + IMAGE_TAG);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
