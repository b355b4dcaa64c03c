package org.ferry.commitworker.commit.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ferry.commitworker.reservation.ContainerHost;
import org.ferry.commitworker.reservation.ContainerInfo;
import org.ferry.docker.DockerJavaEngine;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.ImageRef;

/**
 * The docker-java adapter of {@link ContainerHost}. Lookups go through a client with a short
 * response timeout, so a daemon that hangs cannot hold a listing; commits and pushes go through the
 * engine's client, which waits as long as the daemon streams.
 */
final class DockerJavaContainerHost extends DockerJavaEngine implements ContainerHost {

  private final String name;
  private final DockerClient lookups;

  DockerJavaContainerHost(String name, DockerClient client, DockerClient lookups, Retry retry) {
    super(client, retry);
    this.name = name;
    this.lookups = lookups;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<ContainerInfo> running(String labelKey, String labelValue) {
    return retrying(
        "list the containers on host " + name,
        () -> {
          var containers = new ArrayList<ContainerInfo>();
          var listed =
              lookups
                  .listContainersCmd()
                  .withShowAll(false)
                  .withLabelFilter(Map.of(labelKey, labelValue))
                  .exec();
          for (var container : listed) {
            inspectNow(container.getId()).filter(ContainerInfo::running).ifPresent(containers::add);
          }
          return containers;
        });
  }

  @Override
  public Optional<ContainerInfo> inspect(String containerId) {
    return retrying(
        "inspect container " + shortId(containerId) + " on host " + name,
        () -> inspectNow(containerId));
  }

  @Override
  public String commit(
      String containerId, ImageRef ref, boolean pause, Map<String, String> labels) {
    var action = "commit container " + shortId(containerId) + " on host " + name;
    return retrying(
        action,
        () -> {
          try {
            // Only labels are given: the daemon merges everything else (Entrypoint, Cmd, Env,
            // WorkingDir, ExposedPorts, User, Volumes) from the container's own configuration.
            return client()
                .commitCmd(containerId)
                .withRepository(ref.repositoryReference())
                .withTag(ref.tag().value())
                .withPause(pause)
                .withLabels(labels)
                .exec();
          } catch (NotFoundException | ConflictException e) {
            throw new PermanentFailure(
                action,
                "the container stopped or was removed during the commit",
                "Start the reservation again and commit it while it runs.",
                ReasonCodes.NOT_FOUND,
                e);
          }
        });
  }

  @Override
  public void close() {
    closeQuietly(lookups);
    closeQuietly(client());
  }

  private Optional<ContainerInfo> inspectNow(String containerId) {
    try {
      return Optional.of(info(lookups.inspectContainerCmd(containerId).exec()));
    } catch (NotFoundException e) {
      // Removed since it was listed: it is simply no longer there.
      return Optional.empty();
    }
  }

  private static ContainerInfo info(InspectContainerResponse inspected) {
    var state = inspected.getState();
    var config = inspected.getConfig();
    return new ContainerInfo(
        inspected.getId(),
        config == null ? null : config.getImage(),
        config == null ? Map.of() : config.getLabels(),
        state != null && Boolean.TRUE.equals(state.getRunning()),
        startedAt(state == null ? null : state.getStartedAt()));
  }

  private static Instant startedAt(String text) {
    try {
      return text == null ? Instant.EPOCH : Instant.parse(text);
    } catch (DateTimeParseException e) {
      // An odd timestamp from an old daemon must not hide the container.
      return Instant.EPOCH;
    }
  }

  private static String shortId(String containerId) {
    return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
  }

  private static void closeQuietly(DockerClient client) {
    try {
      client.close();
    } catch (IOException e) {
      // Shutting down anyway.
    }
  }
}
