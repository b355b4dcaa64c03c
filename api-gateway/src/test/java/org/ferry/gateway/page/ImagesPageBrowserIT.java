package org.ferry.gateway.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.gateway.testing.TestGateway.ALICE;
import static org.ferry.gateway.testing.TestGateway.ALICE_TEAM;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.ferry.contract.OperationProgressed;
import org.ferry.contract.OperationStarted;
import org.ferry.contract.PushRequested;
import org.ferry.gateway.testing.BusProbe;
import org.ferry.gateway.testing.GatewayIT;
import org.ferry.gateway.testing.TestGateway;
import org.ferry.operation.OperationKind;
import org.ferry.operation.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The Images page in headless Chromium against this module's gateway: login, the push panel up to a
 * queued and then running operation (its progress arrives over the live stream), inline name
 * validation, and the server's problem in red. No push worker runs here, so no image is pushed:
 * {@link ImagesPageEndToEndIT} checks the green message against a deployed system.
 */
class ImagesPageBrowserIT extends GatewayIT {

  private static final String RED = "rgba(179, 38, 30, 1)";

  private ChromeDriver browser;

  @BeforeEach
  void openBrowser() {
    browser = Chromium.start();
  }

  @AfterEach
  void closeBrowser(TestInfo test) throws Exception {
    // The last view of every test is kept for a reader of the build: target/browser/<test>.png.
    var folder = Files.createDirectories(Path.of("target", "browser"));
    var screenshot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(
        screenshot,
        folder.resolve(test.getTestMethod().orElseThrow().getName() + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
    browser.quit();
  }

  @Test
  void pushesAnArchiveFromThePageAndShowsItsProgress() {
    // given
    TestGateway.dropArchive(ALICE_TEAM, "page-demo.tar.gz", "archive");
    var page =
        ImagesPage.logIn(browser, "http://127.0.0.1:" + port, ALICE, TestGateway.password(ALICE));

    try (var probe = BusProbe.requests(connections)) {
      // when
      page.chooseArchive("page-demo.tar.gz");
      assertThat(page.pushImageField()).isEqualTo("page-demo");
      page.typePushImage("page-demo:v1");
      page.push();

      // then
      var queued = page.pushResult("info").getText();
      assertThat(queued).startsWith("Queued as operation ");
      var id = queued.substring("Queued as operation ".length(), queued.length() - 1);
      assertThat(page.operationText(id, "QUEUED", ".message")).contains("Pushing page-demo.tar.gz");
      var request = (PushRequested) probe.drain().get(0);
      assertThat(request.operationId().value()).isEqualTo(id);
      assertThat(request.source()).isEqualTo(Source.PAGE);
      assertThat(request.requestedBy()).isEqualTo(ALICE);
      assertThat(request.image().value()).isEqualTo("page-demo");
      assertThat(request.tag().value()).isEqualTo("v1");

      // and when a worker reports progress, the page shows it without a reload
      publisher.publish(
          new OperationStarted(
              request.operationId(), ALICE_TEAM, Instant.now(), OperationKind.PUSH, "it"));
      publisher.publish(
          new OperationProgressed(
              request.operationId(),
              ALICE_TEAM,
              Instant.now(),
              OperationKind.PUSH,
              "uploading",
              3,
              4));
      assertThat(page.progress(id, "RUNNING")).isEqualTo("75");
    }
  }

  @Test
  void showsABadNameInRedAndSendsNothing() {
    // given
    TestGateway.dropArchive(ALICE_TEAM, "Bad_Upper.tar", "archive");
    var page =
        ImagesPage.logIn(browser, "http://127.0.0.1:" + port, ALICE, TestGateway.password(ALICE));
    page.chooseArchive("Bad_Upper.tar");

    try (var probe = BusProbe.requests(connections)) {
      // when the prefilled name breaks the rule and the user presses Push anyway
      page.push();

      // then
      assertThat(page.pushImageField()).isEqualTo("Bad_Upper");
      assertThat(page.pushFieldError().getText()).contains("lowercase letters and digits");
      assertThat(page.pushFieldError().getCssValue("color")).isEqualTo(RED);
      assertThat(page.pushField().getDomAttribute("class")).contains("invalid");
      assertThat(probe.drain()).isEmpty();
      assertThat(TestGateway.pushImages(ALICE_TEAM).resolve("Bad_Upper.tar")).exists();

      // and a bad tag or export name is caught as it is typed
      page.typePushImage("bad-upper:.v1");
      assertThat(page.pushFieldError().getText()).contains("tag");
      page.typeExportName("Copy Of");
      assertThat(page.exportFieldError().getText()).contains("export name");
      page.typePushImage("bad-upper:v1");
      assertThat(page.pushFieldError().getText()).isEmpty();
    }
  }

  @Test
  void showsTheServersProblemInRed() throws Exception {
    // given an archive that disappears after the page listed it
    var archive = TestGateway.dropArchive(ALICE_TEAM, "vanishing.tar.gz", "archive");
    var page =
        ImagesPage.logIn(browser, "http://127.0.0.1:" + port, ALICE, TestGateway.password(ALICE));
    page.chooseArchive("vanishing.tar.gz");
    Files.delete(archive);

    // when
    page.push();

    // then
    var problem = page.pushResult("error");
    assertThat(problem.getText()).contains("vanishing.tar.gz").contains("push-images");
    assertThat(problem.getCssValue("color")).isEqualTo(RED);
  }

  @Test
  void showsThatNoCommitWorkerAnsweredInTheCommitPanel() {
    // when
    var page =
        ImagesPage.logIn(browser, "http://127.0.0.1:" + port, ALICE, TestGateway.password(ALICE));

    // then
    assertThat(page.commitResult().getText()).contains("no commit worker answered");
  }
}
