package org.ferry.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.ferry.image.Team;
import org.ferry.nas.NasLayout;
import org.ferry.testing.LocalServices;
import org.ferry.testing.TestBroker;
import org.ferry.testing.TestTeams;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * One gateway environment per test JVM: a temporary NAS with two unique teams, a users file with
 * alice (first team), bob (second team) and an admin, a temporary H2 file and the JVM's private
 * broker vhost.
 */
public final class TestGateway {

  public static final String ALICE = "alice";
  public static final String BOB = "bob";
  public static final String ADMIN = "admin";
  public static final Team ALICE_TEAM = TestTeams.unique("ga");
  public static final Team BOB_TEAM = TestTeams.unique("gb");

  private static final Map<String, String> PASSWORDS =
      Map.of(ALICE, secret(), BOB, secret(), ADMIN, secret());
  private static final Path ROOT = temporaryFolder();
  public static final Path NAS = ROOT.resolve("nas");
  private static final Path USERS = writeUsers(ROOT.resolve("users.properties"));

  static {
    createTeamFolders(NAS, ALICE_TEAM, BOB_TEAM);
  }

  private TestGateway() {}

  public static String password(String user) {
    return PASSWORDS.get(user);
  }

  /**
   * The settings of the shared test gateway. Its store is a temporary H2 file, or the database
   * FERRY_TEST_DB_URL names (with FERRY_TEST_DB_USER and FERRY_TEST_DB_PASSWORD), to run the same
   * tests on PostgreSQL.
   */
  public static Map<String, String> properties() {
    var properties = properties(NAS, ROOT.resolve("db/operations"), TestBroker.shared().amqpUri());
    var database = System.getenv("FERRY_TEST_DB_URL");
    if (database != null && !database.isBlank()) {
      properties.put("spring.datasource.url", database);
      properties.put("spring.datasource.username", System.getenv("FERRY_TEST_DB_USER"));
      properties.put(
          "spring.datasource.password",
          java.util.Objects.requireNonNullElse(System.getenv("FERRY_TEST_DB_PASSWORD"), ""));
    }
    return properties;
  }

  /** Settings for a gateway of its own: another NAS, database file or broker address. */
  public static Map<String, String> properties(Path nas, Path database, String amqp) {
    var properties = new LinkedHashMap<String, String>();
    properties.put("spring.rabbitmq.addresses", amqp);
    properties.put("spring.datasource.url", "jdbc:h2:file:" + database.toAbsolutePath());
    properties.put("spring.datasource.username", "sa");
    properties.put("spring.datasource.password", "");
    properties.put("ferry.nas.root", nas.toString());
    properties.put("ferry.gateway.users-file", USERS.toString());
    properties.put("ferry.gateway.reservations.timeout", "2s");
    properties.put("ferry.messaging.confirm-timeout", "5s");
    // The registry account is left to the gateway's own configuration (FERRY_REGISTRY_PULL_*), so
    // the tests see the account the deployed gateway would use.
    properties.put("ferry.registry.address", LocalServices.registry());
    return properties;
  }

  /** A fresh NAS root with push-images and exported-images for each team. */
  public static Path createTeamFolders(Path nas, Team... teams) {
    try {
      for (var team : teams) {
        Files.createDirectories(nas.resolve(team.value()).resolve(NasLayout.PUSH_IMAGES));
        Files.createDirectories(nas.resolve(team.value()).resolve(NasLayout.EXPORTED_IMAGES));
      }
      return nas;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Drops a file into a team's push-images, as a user copying an archive would. */
  public static Path dropArchive(Team team, String name, String content) {
    try {
      var file = NAS.resolve(team.value()).resolve(NasLayout.PUSH_IMAGES).resolve(name);
      Files.writeString(file, content);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path pushImages(Team team) {
    return NAS.resolve(team.value()).resolve(NasLayout.PUSH_IMAGES);
  }

  public static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("ferry-gateway-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path writeUsers(Path file) {
    // Cost 4 keeps every Basic-authenticated test request fast; the format is the deployed one.
    var bcrypt = new BCryptPasswordEncoder(4);
    var lines =
        ALICE
            + "="
            + ALICE_TEAM
            + ":{bcrypt}"
            + bcrypt.encode(password(ALICE))
            + "\n"
            + BOB
            + "="
            + BOB_TEAM
            + ":{bcrypt}"
            + bcrypt.encode(password(BOB))
            + "\n"
            + ADMIN
            + "=*:{bcrypt}"
            + bcrypt.encode(password(ADMIN))
            + "\n";
    try {
      Files.writeString(file, lines);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String secret() {
    return UUID.randomUUID().toString();
  }
}
