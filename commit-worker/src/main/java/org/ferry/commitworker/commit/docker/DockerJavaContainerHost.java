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
import org.ferry.docker.DaemonCalls;
import org.ferry.docker.DockerJavaEngine;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.Digest;
import org.ferry.image.ImageRef;
import org.ferry.operation.Progress;
import org.ferry.registry.RegistryAccess;

/**
 * The docker-java adapter of {@link ContainerHost}. Lookups go through a client with a short
 * response timeout, so a daemon that hangs cannot hold a listing; commits go through the client
 * that waits as long as the daemon streams, and the image calls (load, push, size, remove, ping)
 * are the shared {@link DockerJavaEngine}'s on that same client.
 */
final class DockerJavaContainerHost implements ContainerHost {

  private final String name;
  private final DockerClient client;
  private final DockerClient lookups;
  private final DaemonCalls calls;
  private final DockerJavaEngine engine;

  DockerJavaContainerHost(String name, DockerClient client, DockerClient lookups, Retry retry) {
    this.name = name;
    this.client = client;
    this.lookups = lookups;
    this.calls = new DaemonCalls(retry);
    this.engine = new DockerJavaEngine(client, calls);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<ContainerInfo> running(String labelKey, String labelValue) {
    return calls.retrying(
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
    return calls.retrying(
        "inspect container " + shortId(containerId) + " on host " + name,
        () -> inspectNow(containerId));
  }

  @Override
  public String commit(
      String containerId, ImageRef ref, boolean pause, Map<String, String> labels) {
    var action = "commit container " + shortId(containerId) + " on host " + name;
    return calls.retrying(
        action,
        () -> {
          try {
            // Only labels are given: the daemon merges everything else (Entrypoint, Cmd, Env,
            // WorkingDir, ExposedPorts, User, Volumes) from the container's own configuration.
            return client
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
  public List<String> load(ArchiveStream archive) {
    return engine.load(archive);
  }

  @Override
  public Digest push(ImageRef ref, RegistryAccess registry, Progress progress) {
    return engine.push(ref, registry, progress);
  }

  @Override
  public void remove(String imageOrRef) {
    engine.remove(imageOrRef);
  }

  @Override
  public long imageSize(String imageOrRef) {
    return engine.imageSize(imageOrRef);
  }

  @Override
  public boolean ping() {
    return engine.ping();
  }

  @Override
  public void close() {
    closeQuietly(lookups);
    closeQuietly(client);
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
