package org.ferry.gateway.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.gateway.testing.TestGateway.ALICE;
import static org.ferry.gateway.testing.TestGateway.ALICE_TEAM;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.ferry.contract.DeleteRequested;
import org.ferry.contract.OperationEvent;
import org.ferry.contract.OperationFailed;
import org.ferry.contract.OperationProgressed;
import org.ferry.contract.OperationStarted;
import org.ferry.contract.OperationSucceeded;
import org.ferry.contract.PushRequested;
import org.ferry.gateway.testing.BusProbe;
import org.ferry.gateway.testing.GatewayIT;
import org.ferry.gateway.testing.RegistryImages;
import org.ferry.gateway.testing.TestGateway;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;
import org.ferry.operation.OperationId;
import org.ferry.operation.OperationKind;
import org.ferry.operation.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The Images page in headless Chromium against this module's gateway: login, the push panel up to a
 * queued and then running operation (its progress arrives over the live stream), inline name
 * validation, the server's problem in red, choices that live updates never change, and the Delete
 * panel. No worker runs here: the test writes images into the registry and publishes the events a
 * worker would; {@link ImagesPageEndToEndIT} checks a real push against a deployed system.
 */
class ImagesPageBrowserIT extends GatewayIT {

  private static final String RED = "rgba(179, 38, 30, 1)";
  private static final String GREEN = "rgba(22, 122, 62, 1)";
  private static final RegistryImages images = new RegistryImages();

  private ChromeDriver browser;

  @AfterAll
  static void removeImages() {
    images.close();
  }

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
      var id = page.followedOperation("push");
      assertThat(page.pushResult("info").getText()).isEqualTo("Queued as operation " + id + ".");
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

  @Test
  void keepsTheChosenImagesThroughLiveUpdatesAndShowsOneThatDisappearedAsGone() {
    // given alice chose the second of two images, in Export and in Delete
    images.push(ALICE_TEAM, "sel-b", "v1", "sel-b");
    images.push(ALICE_TEAM, "sel-c", "v1", "sel-c");
    var page = logIn();
    page.chooseImage("export-image", ALICE_TEAM + "/sel-c:v1");
    page.chooseImage("delete-image", "sel-c:v1");
    page.deleteDigest();

    // when another user's operation ends and brings an image that sorts first
    images.push(ALICE_TEAM, "sel-a", "v1", "sel-a");
    anotherUsersOperationEnds(page);

    // then both drop-downs were redrawn with it, and still show what alice chose
    page.awaitOffered("delete-image", "sel-a:v1");
    page.awaitOffered("export-image", ALICE_TEAM + "/sel-a:v1");
    assertThat(page.choice("export-image")[0]).isEqualTo(ALICE_TEAM + "/sel-c:v1");
    assertThat(page.choice("delete-image")[0]).isEqualTo("sel-c:v1");

    // and when another user deletes the chosen image
    images.delete(ALICE_TEAM, "sel-c", "v1");
    anotherUsersOperationEnds(page);

    // then it is shown as gone, not replaced by a neighbour
    assertThat(page.awaitChoiceGone("delete-image")).isEqualTo(ALICE_TEAM + "/sel-c:v1 — gone");
    assertThat(page.awaitChoiceGone("export-image")).isEqualTo(ALICE_TEAM + "/sel-c:v1 — gone");
    assertThat(page.choice("delete-image")[0]).isEqualTo("sel-c:v1");
    assertThat(page.choice("export-image")[0]).isEqualTo(ALICE_TEAM + "/sel-c:v1");
    assertThat(page.deleteNotice())
        .isEqualTo(ALICE_TEAM + "/sel-c:v1 is gone from the registry." + " Choose another image.");
    assertThat(page.deleteEnabled()).isFalse();
  }

  @Test
  void deletesNothingUntilAnImageIsChosenAndItsTagTypedAndSendsTheDigestShown() {
    // given
    var pushed = images.push(ALICE_TEAM, "del-me", "v7", "del-me");

    // when
    var page = logIn();
    page.awaitOffered("delete-image", "del-me:v7");

    // then nothing is chosen for Delete
    assertThat(page.choice("delete-image")).containsExactly("", "Choose an image to delete…");
    assertThat(page.deleteEnabled()).isFalse();

    // when alice chooses the image
    page.chooseImage("delete-image", "del-me:v7");

    // then its digest and size show, and Delete waits for the typed tag
    assertThat(page.deleteDigest()).isEqualTo(pushed.digest().value());
    assertThat(page.deleteSize()).endsWith("(" + pushed.size() + " bytes)");
    assertThat(page.deleteEnabled()).isFalse();
    page.typeDeleteConfirmation("v");
    assertThat(page.deleteEnabled()).isFalse();
    page.typeDeleteConfirmation("del-me:v7");
    assertThat(page.deleteEnabled()).isFalse();

    try (var probe = BusProbe.requests(connections)) {
      // when
      page.typeDeleteConfirmation("v7");
      assertThat(page.deleteEnabled()).isTrue();
      page.delete();

      // then the request names the digest alice saw, and one confirmation made one delete
      var id = page.followedOperation("delete");
      assertThat(page.result("delete", "info").getText())
          .isEqualTo("Queued as operation " + id + ".");
      var request = (DeleteRequested) probe.drain().get(0);
      assertThat(request.operationId().value()).isEqualTo(id);
      assertThat(request.image().value()).isEqualTo("del-me");
      assertThat(request.tag().value()).isEqualTo("v7");
      assertThat(request.expectedDigest()).contains(pushed.digest());
      assertThat(page.deleteConfirmation()).isEmpty();
      assertThat(page.deleteEnabled()).isFalse();
    }
  }

  @Test
  void turnsThePanelGreenWhenItsOperationSucceeds() {
    // given a delete queued from the page
    images.push(ALICE_TEAM, "outcome-ok", "v1", "outcome-ok");
    var page = logIn();
    var id = deleteFromThePage(page, "outcome-ok:v1");

    // when the worker reports success
    workerReports(
        id,
        () ->
            new OperationSucceeded(
                OperationId.of(id),
                ALICE_TEAM,
                Instant.now(),
                OperationKind.DELETE,
                "Deleted " + ALICE_TEAM + "/outcome-ok:v1",
                Map.of()));

    // then the panel's message is the green line, with a link to the operation
    var green = page.result("delete", "ok");
    assertThat(green.getText())
        .isEqualTo("Deleted " + ALICE_TEAM + "/outcome-ok:v1\nOperation " + id + ".");
    assertThat(green.getCssValue("color")).isEqualTo(GREEN);
    assertThat(green.findElement(By.tagName("a")).getDomAttribute("href")).isEqualTo("#op-" + id);
  }

  @Test
  void turnsThePanelRedWhenItsOperationFails() {
    // given a delete queued from the page
    images.push(ALICE_TEAM, "outcome-bad", "v1", "outcome-bad");
    var page = logIn();
    var id = deleteFromThePage(page, "outcome-bad:v1");

    // when the worker reports a failure
    workerReports(
        id,
        () ->
            new OperationFailed(
                OperationId.of(id),
                ALICE_TEAM,
                Instant.now(),
                OperationKind.DELETE,
                "conflict",
                "Could not delete " + ALICE_TEAM + "/outcome-bad:v1: the tag moved. Look again."));

    // then the panel's message is the red line, with a link to the operation
    var red = page.result("delete", "error");
    assertThat(red.getText())
        .isEqualTo(
            "Could not delete "
                + ALICE_TEAM
                + "/outcome-bad:v1: the tag moved. Look again.\nOperation "
                + id
                + ".");
    assertThat(red.getCssValue("color")).isEqualTo(RED);
    assertThat(red.findElement(By.tagName("a")).getDomAttribute("href")).isEqualTo("#op-" + id);
  }

  @Test
  void refusesToDeleteATagPushedToSinceItWasChosenAndShowsItsNewDigest() {
    // given alice chose a tag and typed it
    var seen = images.push(ALICE_TEAM, "racy", "v1", "seen");
    var page = logIn();
    page.chooseImage("delete-image", "racy:v1");
    assertThat(page.deleteDigest()).isEqualTo(seen.digest().value());
    page.typeDeleteConfirmation("v1");

    // when someone pushes to the tag before she presses Delete
    var current = images.push(ALICE_TEAM, "racy", "v1", "pushed-since");
    try (var probe = BusProbe.requests(connections)) {
      assertThat(page.deleteEnabled()).isTrue();
      page.delete();

      // then nothing is deleted, and the panel shows what the tag is now
      assertThat(page.result("delete", "error").getText())
          .startsWith(
              "Could not delete "
                  + ALICE_TEAM
                  + "/racy:v1: the tag now points at "
                  + current.digest()
                  + ", not at "
                  + seen.digest());
      page.awaitDeleteDigest(current.digest().value());
      assertThat(page.deleteNotice())
          .isEqualTo(
              "Someone pushed to this tag since you chose it (it was "
                  + seen.digest().value().substring(0, 19)
                  + "…). Check the digest and type the tag again.");
      assertThat(page.deleteConfirmation()).isEmpty();
      assertThat(page.deleteEnabled()).isFalse();
      assertThat(probe.drain()).isEmpty();
      assertThat(images.digest(ALICE_TEAM, "racy", "v1")).contains(current.digest());
    }
  }

  private ImagesPage logIn() {
    return ImagesPage.logIn(
        browser, "http://127.0.0.1:" + port, ALICE, TestGateway.password(ALICE));
  }

  /** Chooses {@code image} in the Delete panel, types its tag and presses Delete; the queued id. */
  private static String deleteFromThePage(ImagesPage page, String image) {
    page.chooseImage("delete-image", image);
    page.deleteDigest();
    page.typeDeleteConfirmation(image.substring(image.indexOf(':') + 1));
    page.delete();
    var id = page.followedOperation("delete");
    page.result("delete", "info");
    return id;
  }

  /** An operation of alice's team that someone else started ends, as its worker reports it. */
  private void anotherUsersOperationEnds(ImagesPage page) {
    var id = OperationId.random();
    publisher.publish(
        new DeleteRequested(
            id,
            ALICE_TEAM,
            Instant.now(),
            "carol",
            Source.API,
            ImageName.of("elsewhere"),
            Tag.of("v1"),
            false));
    // The page refreshes its lists when an operation it saw running ends.
    page.operationText(id.value(), "QUEUED", ".message");
    workerReports(
        id.value(),
        () ->
            new OperationSucceeded(
                id,
                ALICE_TEAM,
                Instant.now(),
                OperationKind.DELETE,
                "Deleted elsewhere",
                Map.of()));
    page.operationText(id.value(), "SUCCEEDED", ".message");
  }

  /**
   * A worker takes the delete on and then ends it; {@code terminal} is built after the start, so
   * that its time is later, as a worker's would be.
   */
  private void workerReports(String id, Supplier<OperationEvent> terminal) {
    publisher.publish(
        new OperationStarted(
            OperationId.of(id), ALICE_TEAM, Instant.now(), OperationKind.DELETE, "it"));
    publisher.publish(terminal.get());
  }
}
