package org.ferry.gateway.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.ferry.nas.NasLayout;
import org.ferry.testing.DockerCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The Images page against a deployed Ferry (gateway, watcher and push worker running): an archive
 * pushed from the page ends with the green message and the digest, in the list and in the panel.
 * Runs only when {@code -Dferry.e2e.gatewayUrl=http://127.0.0.1:8080} is given; {@code
 * ferry.e2e.user}, {@code ferry.e2e.password} (default FERRY_USER_ALICE_PASSWORD), {@code
 * ferry.e2e.team} and {@code ferry.e2e.nasRoot} (default FERRY_NAS_ROOT) say as whom and where.
 */
@EnabledIfSystemProperty(named = "ferry.e2e.gatewayUrl", matches = ".+")
class ImagesPageEndToEndIT {

  @Test
  void pushesAnArchiveFromThePageAndShowsTheGreenMessageWithTheDigest() throws Exception {
    // given an archive whose file name breaks the naming rule, so only the Push button takes it
    var base = System.getProperty("ferry.e2e.gatewayUrl");
    var user = System.getProperty("ferry.e2e.user", "alice");
    var password =
        System.getProperty("ferry.e2e.password", System.getenv("FERRY_USER_ALICE_PASSWORD"));
    var team = System.getProperty("ferry.e2e.team", "team-a");
    var nas = Path.of(System.getProperty("ferry.e2e.nasRoot", System.getenv("FERRY_NAS_ROOT")));
    var suffix = UUID.randomUUID().toString().substring(0, 6);
    var local = "ferry-test/page-e2e:" + suffix;
    DockerCli.build(local, Map.of("/e2e.txt", suffix), null);
    var file = "Page_E2E_" + suffix + ".tar.gz";
    var folder = nas.resolve(team).resolve(NasLayout.PUSH_IMAGES);
    var temporary = DockerCli.save(local, folder.resolve("." + file + ".part"), true);
    Files.move(temporary, folder.resolve(file));
    DockerCli.ok("rmi", local);

    var browser = Chromium.start();
    try {
      var page = ImagesPage.logIn(browser, base, user, password).patience(Duration.ofMinutes(3));

      // when
      page.chooseArchive(file);
      page.typePushImage("Page-E2E");
      page.push();
      assertThat(page.pushFieldError().getText()).contains("lowercase");
      page.typePushImage("page-e2e-" + suffix + ":v1");
      page.push();

      // then
      var id = page.followedOperation("push");
      assertThat(page.operationText(id, "SUCCEEDED", ".message.ok")).startsWith("Pushed ");
      assertThat(page.pushResult("ok").getText())
          .startsWith("Pushed ")
          .endsWith("\nOperation " + id + ".");
      assertThat(page.operationText(id, "SUCCEEDED", "dd[data-key=digest]"))
          .matches("sha256:[0-9a-f]{64}");
    } finally {
      browser.quit();
    }
  }
}
