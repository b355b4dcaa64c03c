package org.ferry.exportworker.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.exportworker.export.ExportWorker.request;
import static org.ferry.exportworker.export.ExportWorker.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import org.ferry.contract.OperationSucceeded;
import org.ferry.messaging.MessagePublisher;
import org.ferry.testing.DockerCli;
import org.ferry.testing.TestTeams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Measures an export by the registry engine against {@code docker pull} + {@code docker save |
 * gzip} of the same image, on this machine's real registry and daemon. A benchmark, not a test of
 * speed: it prints the times and only checks that both archives are sound. Opt in with {@code
 * -Dferry.benchmark=true} (and {@code -Dferry.benchmark.megabytes=N}, default 100).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(OperationEvents.Config.class)
@DirtiesContext // its worker must not take the requests of the other tests' workers
@EnabledIfSystemProperty(named = "ferry.benchmark", matches = "true")
class ExportBenchmarkIT {

  private static final Path NAS = ExportWorker.newNas();
  private static final TestImages IMAGES = new TestImages();
  private static final int ROUNDS = 2;

  @Autowired MessagePublisher publisher;
  @Autowired OperationEvents events;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ExportWorker.properties(registry, NAS);
  }

  @AfterAll
  static void cleanUp() {
    IMAGES.deleteAll();
    ExportWorker.deleteTree(NAS);
  }

  @Test
  void comparesTheRegistryEngineWithDockerPullAndSave() throws Exception {
    // given
    var megabytes = Integer.getInteger("ferry.benchmark.megabytes", 100);
    var team = TestTeams.unique("bench");
    var exported = ExportWorker.teamFolders(NAS, team);
    var marker = "marker-" + UUID.randomUUID();
    var image = IMAGES.pushWithRandomLayer(team, "bench", "v1", marker, megabytes);
    var report = new ArrayList<String>();
    report.add(
        "image "
            + image
            + " with a "
            + megabytes
            + " MiB random layer; worker heap limit "
            + Runtime.getRuntime().maxMemory() / (1024 * 1024)
            + " MiB");

    // when: Ferry's export, from the request on the bus to the succeeded event
    for (int round = 1; round <= ROUNDS; round++) {
      var request = request(team, image, "bench", true);
      var start = System.nanoTime();
      publisher.publish(request);
      var terminal = events.awaitTerminal(request.operationId());
      var took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(terminal).isInstanceOf(OperationSucceeded.class);
      report.add(
          "ferry registry engine, round "
              + round
              + ": "
              + seconds(took)
              + " s, archive "
              + Files.size(exported.resolve("bench.tar.gz"))
              + " bytes");
    }

    // when: the daemon's way, docker pull + docker save | gzip
    var dockerArchive = NAS.resolve("docker-save.tar.gz");
    for (int round = 1; round <= ROUNDS; round++) {
      DockerCli.run("rmi", image.toString());
      var start = System.nanoTime();
      DockerCli.ok("pull", image.toString());
      var saved =
          run(NAS, "sh", "-c", "docker save '" + image + "' | gzip > '" + dockerArchive + "'");
      var took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(saved.exitCode()).as(saved.output()).isZero();
      report.add(
          "docker pull + docker save | gzip, round "
              + round
              + ": "
              + seconds(took)
              + " s, archive "
              + Files.size(dockerArchive)
              + " bytes");
    }
    DockerCli.run("rmi", image.toString());

    // then: both archives are sound; Ferry's loads and runs
    assertThat(run(NAS, "gzip", "-t", dockerArchive.toString()).exitCode()).isZero();
    var loadsAs = team + "/bench:v1";
    DockerCli.run("rmi", loadsAs);
    assertThat(DockerCli.ok("load", "-i", exported.resolve("bench.tar.gz").toString()))
        .contains(loadsAs);
    assertThat(DockerCli.ok("run", "--rm", loadsAs, "cat", "/marker")).isEqualTo(marker);
    DockerCli.run("rmi", loadsAs);
    report.forEach(line -> System.out.println("[export benchmark] " + line));
    Files.write(Path.of("target", "export-benchmark.txt"), report);
  }

  private static String seconds(Duration duration) {
    return String.format("%.2f", duration.toNanos() / 1e9);
  }
}
