package org.ferry.commitworker.reservation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.ferry.image.Digest;
import org.ferry.image.ImageRef;
import org.ferry.operation.Progress;
import org.ferry.registry.RegistryAccess;

/** An in-memory Docker host for unit tests: containers are maps of labels, calls are recorded. */
public final class FakeContainerHost implements ContainerHost {

  private static final Instant STARTED = Instant.parse("2026-01-01T00:00:00Z");

  private final String name;
  private final Map<String, ContainerInfo> containers = new HashMap<>();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private Supplier<RuntimeException> failure;
  private Runnable duringCommit = () -> {};

  public FakeContainerHost(String name) {
    this.name = name;
  }

  /** Adds a running container with these labels and returns its id. */
  public String run(String id, Map<String, String> labels) {
    containers.put(id, new ContainerInfo(id, "img:1", labels, true, STARTED));
    return id;
  }

  public void stop(String id) {
    var container = containers.get(id);
    containers.put(
        id,
        new ContainerInfo(id, container.image(), container.labels(), false, container.startedAt()));
  }

  /** Every call fails with the given exception, as a host that does not answer. */
  public FakeContainerHost failing(Supplier<RuntimeException> failure) {
    this.failure = failure;
    return this;
  }

  /** Runs while the commit is under way, e.g. to stop the container in the middle of it. */
  public FakeContainerHost duringCommit(Runnable action) {
    this.duringCommit = action;
    return this;
  }

  public List<String> calls() {
    return calls;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<ContainerInfo> running(String labelKey, String labelValue) {
    fail();
    calls.add("running " + labelKey + "=" + labelValue);
    var found = new ArrayList<ContainerInfo>();
    for (var container : containers.values()) {
      if (container.running() && labelValue.equals(container.labels().get(labelKey))) {
        found.add(container);
      }
    }
    return found;
  }

  @Override
  public Optional<ContainerInfo> inspect(String containerId) {
    fail();
    calls.add("inspect " + containerId);
    return Optional.ofNullable(containers.get(containerId));
  }

  @Override
  public String commit(
      String containerId, ImageRef ref, boolean pause, Map<String, String> labels) {
    fail();
    calls.add("commit " + containerId + " " + ref + " pause=" + pause + " labels=" + labels);
    duringCommit.run();
    return "sha256:" + "1".repeat(64);
  }

  @Override
  public List<String> load(ArchiveStream archive) {
    throw new UnsupportedOperationException("a reservation host loads no archives");
  }

  @Override
  public Digest push(ImageRef ref, RegistryAccess registry, Progress progress) {
    fail();
    calls.add("push " + ref);
    return Digest.of("sha256:" + "2".repeat(64));
  }

  @Override
  public void remove(String imageOrRef) {
    calls.add("remove " + imageOrRef);
  }

  @Override
  public long imageSize(String imageOrRef) {
    return 1234;
  }

  @Override
  public boolean ping() {
    return failure == null;
  }

  @Override
  public void close() {}

  private void fail() {
    if (failure != null) {
      throw failure.get();
    }
  }
}
