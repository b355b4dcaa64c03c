package org.ferry.pushworker.push.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ferry.image.ImageName;
import org.ferry.image.ImageRef;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.operation.Progress;
import org.ferry.pushworker.push.docker.DockerPushEngines;
import org.ferry.registry.RegistryClient;
import org.ferry.registry.RegistryRetry;
import org.ferry.registry.Repository;
import org.ferry.testing.DockerCli;
import org.ferry.testing.LocalServices;
import org.ferry.testing.TestTeams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes the same random-data image with the docker engine and the registry engine in one run and
 * prints how long each took against reading the archive alone ({@code gunzip -c}). Opt-in with
 * {@code -Dferry.benchmark=true} (size with {@code -Dferry.benchmark.mb}, default 200; {@code
 * -Dferry.benchmark.data=base64} for compressible data); timings on a shared machine are noisy, so
 * it reports ratios and asserts only that both pushes worked.
 */
class PushEnginesBenchmarkIT {

  @TempDir Path dir;

  @Test
  void comparesTheRegistryEngineWithTheDockerEngine() throws Exception {
    assumeTrue(
        Boolean.getBoolean("ferry.benchmark"),
        "a benchmark of several minutes; run it with -Dferry.benchmark=true");
    // given
    var megabytes = Integer.getInteger("ferry.benchmark.mb", 200);
    var archive = randomImage(megabytes);
    var team = TestTeams.unique("bm");
    var registry =
        new RegistryClient(
            LocalServices.pushAccess(), RegistryRetry.create("bench", 3, Duration.ofMillis(200)));
    var dockerEngine = DockerPushEngines.local();
    var compressors = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      var floor = time(() -> gunzip(archive));
      var docker = time(() -> dockerEngine.push(archive, ref(team, "docker", "1"), Progress.NONE));
      resetPeaks();
      var gzip =
          time(
              () ->
                  registryEngine(registry, compressors, true)
                      .push(archive, ref(team, "gz", "1"), Progress.NONE));
      var gzipHeap = peakHeap();
      resetPeaks();
      var plain =
          time(
              () ->
                  registryEngine(registry, compressors, false)
                      .push(archive, ref(team, "raw", "1"), Progress.NONE));
      var plainHeap = peakHeap();

      // then
      System.out.printf(
          "%nPUSH BENCHMARK: %d MB %s data, archive %d MB, %d cores, max heap %d MB%n"
              + "  gunzip -c > /dev/null (floor): %6.1f s%n"
              + "  docker engine (load + push):   %6.1f s%n"
              + "  registry engine, gzip:         %6.1f s  ratio registry/docker %.2f,"
              + " /floor %.1f, peak heap %d MB%n"
              + "  registry engine, uncompressed: %6.1f s  ratio registry/docker %.2f,"
              + " /floor %.1f, peak heap %d MB%n",
          megabytes,
          System.getProperty("ferry.benchmark.data", "random"),
          Files.size(archive) >> 20,
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20,
          floor,
          docker,
          gzip,
          gzip / docker,
          gzip / floor,
          gzipHeap >> 20,
          plain,
          plain / docker,
          plain / floor,
          plainHeap >> 20);
      for (var name : new String[] {"docker", "gz", "raw"}) {
        var ref = ref(team, name, "1");
        assertThat(registry.headManifest(Repository.of(ref), "1")).as(name).isPresent();
        registry.deleteManifest(
            Repository.of(ref), registry.headManifest(Repository.of(ref), "1").get().digest());
      }
    } finally {
      compressors.shutdownNow();
    }
  }

  private static RegistryPushEngine registryEngine(
      RegistryClient registry, ExecutorService compressors, boolean compress) {
    var properties = RegistryPushProperties.defaults();
    return RegistryPushConfiguration.create(
        registry, compress ? properties : properties.uncompressed(), compressors);
  }

  private static ImageRef ref(Team team, String name, String tag) {
    return new ImageRef(LocalServices.registry(), team, ImageName.of(name), Tag.of(tag));
  }

  /** An image of {@code megabytes} of random data, saved by the daemon and gzip-compressed. */
  private Path randomImage(int megabytes) throws IOException {
    var context = Files.createDirectory(dir.resolve("context"));
    var random = new Random(42);
    // random: incompressible; base64: base64 of random bytes, which gzip shrinks by about 1/4
    var base64 = "base64".equals(System.getProperty("ferry.benchmark.data"));
    var buffer = new byte[base64 ? 3 << 18 : 1 << 20];
    try (OutputStream out = Files.newOutputStream(context.resolve("data"))) {
      for (var i = 0; i < megabytes; i++) {
        random.nextBytes(buffer);
        out.write(base64 ? Base64.getEncoder().encode(buffer) : buffer);
      }
    }
    Files.writeString(
        context.resolve("Dockerfile"),
        "FROM " + DockerCli.BASE_IMAGE + "\nCOPY data /data\nCMD [\"ls\", \"-l\", \"/data\"]\n");
    DockerCli.ensureBaseImage();
    var local = "ferry-it/benchmark:" + megabytes;
    DockerCli.ok("build", "-q", "-t", local, context.toString());
    Files.delete(context.resolve("data"));
    var archive = DockerCli.save(local, dir.resolve("random.tar.gz"), true);
    DockerCli.run("rmi", local);
    return archive;
  }

  private static Void gunzip(Path archive) throws Exception {
    var process =
        new ProcessBuilder("gunzip", "-c", archive.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(process.waitFor()).isZero();
    return null;
  }

  private static double time(java.util.concurrent.Callable<?> work) throws Exception {
    var start = System.nanoTime();
    work.call();
    return (System.nanoTime() - start) / 1e9;
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The sum of each heap pool's peak: an upper bound of the heap the push needed at once. */
  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed())
        .sum();
  }
}
