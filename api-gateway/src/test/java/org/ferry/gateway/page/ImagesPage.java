package org.ferry.gateway.page;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Images page as a user sees it: what a browser test reads and clicks. */
final class ImagesPage {

  private final WebDriver browser;
  private final WebDriverWait wait;

  private ImagesPage(WebDriver browser, Duration patience) {
    this.browser = browser;
    // The page re-renders its drop-downs when it refreshes them: an element read during a
    // refresh is stale, and reading it again a moment later is the right answer.
    this.wait = new WebDriverWait(browser, patience);
    this.wait.ignoring(StaleElementReferenceException.class);
  }

  /** Opens the page, which sends the browser to the login form, and logs in. */
  static ImagesPage logIn(WebDriver browser, String base, String user, String password) {
    var page = new ImagesPage(browser, Duration.ofSeconds(20));
    browser.get(base + "/");
    page.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user"), user));
    return page;
  }

  ImagesPage patience(Duration patience) {
    return new ImagesPage(browser, patience);
  }

  /** Waits until the push drop-down offers {@code file}, then chooses it. */
  void chooseArchive(String file) {
    wait.until(
        driver -> {
          driver.findElement(By.cssSelector("[data-refresh=push-files]")).click();
          return new Select(driver.findElement(By.id("push-file")))
              .getOptions().stream()
                  .anyMatch(option -> option.getDomProperty("value").equals(file));
        });
    wait.until(
        driver -> {
          new Select(driver.findElement(By.id("push-file"))).selectByValue(file);
          return true;
        });
  }

  String pushImageField() {
    return browser.findElement(By.id("push-image")).getDomProperty("value");
  }

  void typePushImage(String value) {
    var field = browser.findElement(By.id("push-image"));
    field.clear();
    field.sendKeys(value);
  }

  void push() {
    browser.findElement(By.id("push-button")).click();
  }

  WebElement pushFieldError() {
    return browser.findElement(By.id("push-image-error"));
  }

  WebElement pushField() {
    return browser.findElement(By.id("push-image"));
  }

  void typeExportName(String value) {
    var field = browser.findElement(By.id("export-name"));
    field.clear();
    field.sendKeys(value);
  }

  WebElement exportFieldError() {
    return browser.findElement(By.id("export-name-error"));
  }

  /** The push panel's message once it shows one of {@code kind} (info, ok, error). */
  WebElement pushResult(String kind) {
    return result("push", kind);
  }

  /** The message of {@code panel} (push, commit, export, delete) once it is of {@code kind}. */
  WebElement result(String panel, String kind) {
    return wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("#" + panel + "-result.message." + kind)));
  }

  /** The id of the operation the panel's message follows, once it follows one. */
  String followedOperation(String panel) {
    return wait.until(
        driver -> driver.findElement(By.id(panel + "-result")).getDomAttribute("data-operation"));
  }

  /**
   * Waits until the drop-down {@code id} offers {@code value}, then chooses it. It does not press
   * reload: a reload still under way when the test goes on would redraw the panel at a moment the
   * test does not choose.
   */
  void chooseImage(String id, String value) {
    awaitOffered(id, value);
    wait.until(
        driver -> {
          new Select(driver.findElement(By.id(id))).selectByValue(value);
          return true;
        });
  }

  /** Waits until a live update has redrawn the drop-down so that it offers {@code value}. */
  void awaitOffered(String id, String value) {
    wait.until(driver -> offers(driver, id, value));
  }

  /** The value and the text of the drop-down's chosen option. */
  String[] choice(String id) {
    return wait.until(
        driver -> {
          var option = new Select(driver.findElement(By.id(id))).getFirstSelectedOption();
          return new String[] {option.getDomProperty("value"), option.getText()};
        });
  }

  /** Waits until the drop-down's chosen option reads as gone, and returns its text. */
  String awaitChoiceGone(String id) {
    return wait.until(
        driver ->
            driver.findElements(By.cssSelector("#" + id + " option.gone:checked")).stream()
                .map(WebElement::getText)
                .findFirst()
                .orElse(null));
  }

  /** The digest the Delete panel shows for its chosen tag, once it shows one. */
  String deleteDigest() {
    return wait.until(
        driver ->
            driver
                .findElements(By.cssSelector("#delete-details:not([hidden]) #delete-digest"))
                .stream()
                .map(WebElement::getText)
                .filter(text -> text.startsWith("sha256:"))
                .findFirst()
                .orElse(null));
  }

  /** Waits until the Delete panel shows {@code digest}. */
  void awaitDeleteDigest(String digest) {
    wait.until(driver -> digest.equals(deleteDigest()));
  }

  String deleteSize() {
    return browser.findElement(By.id("delete-size")).getText();
  }

  /** The Delete panel's notice about its chosen tag (gone, pushed to since), once it has one. */
  String deleteNotice() {
    return wait.until(
        driver -> {
          var text = driver.findElement(By.id("delete-image-error")).getText();
          return text.isBlank() ? null : text;
        });
  }

  void typeDeleteConfirmation(String value) {
    var field = browser.findElement(By.id("delete-confirm"));
    field.clear();
    field.sendKeys(value);
  }

  String deleteConfirmation() {
    return browser.findElement(By.id("delete-confirm")).getDomProperty("value");
  }

  boolean deleteEnabled() {
    return browser.findElement(By.id("delete-button")).isEnabled();
  }

  void delete() {
    browser.findElement(By.id("delete-button")).click();
  }

  private static boolean offers(WebDriver driver, String id, String value) {
    return new Select(driver.findElement(By.id(id)))
        .getOptions().stream()
            .anyMatch(
                option ->
                    option.getDomProperty("value").equals(value)
                        && !"gone".equals(option.getDomAttribute("class")));
  }

  /**
   * The text of {@code selector} inside the operation's entry once it has {@code status}, looked up
   * afresh because live updates redraw the entry.
   */
  String operationText(String id, String status, String selector) {
    return wait.until(
        driver ->
            driver
                .findElements(
                    By.cssSelector("#op-" + id + "[data-status=" + status + "] " + selector))
                .stream()
                .map(WebElement::getText)
                .filter(text -> !text.isBlank())
                .findFirst()
                .orElse(null));
  }

  /** The value of the operation's progress bar once it shows one while it has {@code status}. */
  String progress(String id, String status) {
    // The entry is redrawn on every change, so it is looked up afresh until it has the bar.
    return wait.until(
        driver ->
            driver
                .findElements(
                    By.cssSelector("#op-" + id + "[data-status=" + status + "] progress[value]"))
                .stream()
                .map(bar -> bar.getDomProperty("value"))
                .findFirst()
                .orElse(null));
  }

  WebElement commitResult() {
    return wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("#commit-result.message.error")));
  }
}
