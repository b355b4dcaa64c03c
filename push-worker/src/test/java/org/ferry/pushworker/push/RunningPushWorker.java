package org.ferry.pushworker.push;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.ferry.contract.DeleteRequested;
import org.ferry.contract.FileName;
import org.ferry.contract.PushRequested;
import org.ferry.image.Digest;
import org.ferry.image.ImageName;
import org.ferry.image.ImageRef;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.messaging.MessagePublisher;
import org.ferry.operation.OperationId;
import org.ferry.operation.Source;
import org.ferry.pushworker.PushWorkerApplication;
import org.ferry.registry.RegistryWriter;
import org.ferry.testing.DockerCli;
import org.ferry.testing.LocalServices;
import org.ferry.testing.TestBroker;
import org.ferry.testing.TestTeams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The push-worker application running against the real broker (a private vhost), the real registry
 * and the real Docker daemon, on a NAS root of its own; each test makes teams of its own.
 */
@SpringBootTest(
    classes = PushWorkerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE)
public abstract class RunningPushWorker {

  protected static final Path NAS = temporaryNas();

  @Autowired protected MessagePublisher publisher;
  @Autowired protected RegistryWriter registry;
  @Autowired private ConnectionFactory connections;
  @Autowired private AmqpAdmin admin;
  @Autowired private MessageConverter converter;

  protected static EventLog events;

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry properties) {
    properties.add("ferry.nas.root", NAS::toString);
    properties.add("spring.rabbitmq.addresses", () -> TestBroker.shared().amqpUri());
    properties.add("ferry.registry.address", LocalServices::registry);
    properties.add("ferry.registry.username", () -> LocalServices.get("FERRY_REGISTRY_USER"));
    properties.add("ferry.registry.password", () -> LocalServices.get("FERRY_REGISTRY_PASSWORD"));
    properties.add("ferry.docker.host", LocalServices::dockerHost);
    properties.add("ferry.push.engine", RunningPushWorker::engine);
  }

  @BeforeAll
  static void pullAccount() {
    // Users pull with the pull account; the push account stays with the worker.
    DockerCli.login(LocalServices.pullAccess());
  }

  @Autowired
  void listen() {
    if (events == null) {
      events = new EventLog(connections, admin, converter);
    }
  }

  @AfterAll
  static void stopListening() {
    if (events != null) {
      events.close();
      events = null;
    }
  }

  /** The push engine under test: {@code -Dferry.push.engine=docker} runs the ITs with the other. */
  protected static String engine() {
    return System.getProperty("ferry.push.engine", "registry");
  }

  /** A team with its NAS folders, named so no other test or run uses it. */
  protected static Team newTeam(String prefix) {
    var team = TestTeams.unique(prefix);
    try {
      Files.createDirectories(NAS.resolve(team.value()).resolve("push-images"));
      Files.createDirectories(NAS.resolve(team.value()).resolve("exported-images"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return team;
  }

  protected static Path pushImages(Team team) {
    return NAS.resolve(team.value()).resolve("push-images");
  }

  protected static ImageRef ref(Team team, String name, String tag) {
    return new ImageRef(LocalServices.registry(), team, ImageName.of(name), Tag.of(tag));
  }

  protected static PushRequested pushRequest(Team team, String file, String name, String tag) {
    return new PushRequested(
        OperationId.random(),
        team,
        Instant.now(),
        "alice",
        Source.API,
        FileName.of(file),
        ImageName.of(name),
        Tag.of(tag));
  }

  protected static DeleteRequested deleteRequest(
      Team team, String name, String tag, boolean allTags) {
    return deleteRequest(team, name, tag, allTags, null);
  }

  /** A delete that goes ahead only while the tag points at {@code digest} (null: no check). */
  protected static DeleteRequested deleteRequest(
      Team team, String name, String tag, boolean allTags, Digest digest) {
    return new DeleteRequested(
        OperationId.random(),
        team,
        Instant.now(),
        "alice",
        Source.API,
        ImageName.of(name),
        Tag.of(tag),
        allTags,
        digest);
  }

  /** Builds a busybox image that prints {@code marker} and saves it into the team's push-images. */
  protected static Path dropArchive(Team team, String file, String marker, boolean gzip) {
    var local = "ferry-it/" + team + "-" + marker.toLowerCase().replaceAll("[^a-z0-9]", "") + ":1";
    DockerCli.build(local, java.util.Map.of("/marker.txt", marker), "[\"cat\", \"/marker.txt\"]");
    var archive = DockerCli.save(local, pushImages(team).resolve(file), gzip);
    DockerCli.run("rmi", local);
    return archive;
  }

  /** Pushes an archive through the worker and returns the digest it reports. */
  protected String pushThroughFerry(Team team, String name, String tag, String marker) {
    dropArchive(team, name + ".tar.gz", marker, true);
    var request = pushRequest(team, name + ".tar.gz", name, tag);
    publisher.publish(request);
    return events.awaitSucceeded(request.operationId()).result().get("digest");
  }

  private static Path temporaryNas() {
    try {
      return Files.createTempDirectory("ferry-push-it-nas");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
