package org.ferry.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Every inotify event in a folder tree, opens and reads included, as {@code inotifywait} (Debian's
 * inotify-tools) reports them: the witness that nothing touched another team's folder.
 */
public final class FolderWatch implements AutoCloseable {

  private final Process process;
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch established = new CountDownLatch(1);
  private final Thread reader;

  private FolderWatch(Process process) {
    this.process = process;
    this.reader = new Thread(this::read, "folder-watch");
    this.reader.setDaemon(true);
    this.reader.start();
  }

  /** Starts watching {@code folder} and everything in it; returns once the watches are set. */
  public static FolderWatch start(Path folder) throws IOException, InterruptedException {
    var process =
        new ProcessBuilder("inotifywait", "-m", "-r", "--format", "%e %w%f", folder.toString())
            .redirectErrorStream(true)
            .start();
    var watch = new FolderWatch(process);
    if (!watch.established.await(30, TimeUnit.SECONDS)) {
      watch.close();
      throw new IllegalStateException("inotifywait did not set its watches: " + watch.events);
    }
    return watch;
  }

  /**
   * The events before a marker file that this call creates in {@code folder} (a watched folder):
   * once the marker's own event arrived, every earlier event has been read.
   */
  public List<String> eventsBeforeMarker(Path folder) throws IOException, InterruptedException {
    var marker = folder.resolve(".watch-marker-" + System.nanoTime());
    java.nio.file.Files.createFile(marker);
    var name = marker.getFileName().toString();
    Awaitility.await("the marker's event")
        .atMost(Duration.ofSeconds(30))
        .until(() -> events().stream().anyMatch(event -> event.endsWith(name)));
    java.nio.file.Files.delete(marker);
    var seen = events();
    return seen.stream().takeWhile(event -> !event.endsWith(name)).toList();
  }

  /** The events seen so far, each as "EVENTS path". */
  public List<String> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  private void read() {
    try (var lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("Setting up watches")) {
          continue;
        }
        if (line.startsWith("Watches established")) {
          established.countDown();
          continue;
        }
        events.add(line);
      }
    } catch (IOException e) {
      events.add("(watch broke: " + e.getMessage() + ")");
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(10, TimeUnit.SECONDS);
    reader.join(10_000);
  }
}
