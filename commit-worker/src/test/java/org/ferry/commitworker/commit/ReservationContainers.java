package org.ferry.commitworker.commit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.ferry.image.Team;
import org.ferry.testing.DockerCli;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.PullPolicy;
import org.testcontainers.utility.DockerImageName;

/**
 * "Reservations" for integration tests: containers of a local test image with a distinctive
 * configuration (entrypoint, command, environment, working directory, exposed port), labelled the
 * way the testbed labels a team's reservation.
 */
public final class ReservationContainers {

  public static final String IMAGE = "ferry-it/reservation:1";

  private static final String DOCKERFILE =
      """
      FROM %s
      ENV FERRY_IT=reservation
      WORKDIR /work
      EXPOSE 8080
      ENTRYPOINT ["/bin/busybox"]
      CMD ["sh", "-c", "sleep 3600"]
      """
          .formatted(DockerCli.BASE_IMAGE);

  private static boolean built;

  private ReservationContainers() {}

  /** Starts a running container of the test image with these labels. */
  public static GenericContainer<?> start(Map<String, String> labels) {
    buildImage();
    var container =
        new GenericContainer<>(DockerImageName.parse(IMAGE))
            .withImagePullPolicy(PullPolicy.defaultPolicy())
            .withLabels(labels);
    container.start();
    return container;
  }

  /** The testbed's labels for reservation {@code id} of {@code team}. */
  public static Map<String, String> labels(Team team, String id, String name) {
    return Map.of(
        "ferry.team", team.value(),
        "ferry.reservation.id", id,
        "ferry.reservation.name", name);
  }

  /** Stops the container the hard way, as a reservation that ends, and waits until it has. */
  public static void kill(GenericContainer<?> container) {
    DockerCli.ok("kill", container.getContainerId());
    await()
        .until(
            () ->
                DockerCli.ok("inspect", "-f", "{{.State.Running}}", container.getContainerId())
                    .equals("false"));
  }

  private static synchronized void buildImage() {
    if (built) {
      return;
    }
    DockerCli.ensureBaseImage();
    try {
      var context = Files.createTempDirectory("ferry-reservation");
      Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
      DockerCli.ok("build", "-q", "-t", IMAGE, context.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    built = true;
  }
}
