package org.ferry.pushworker.push.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.LoadResponseItem;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.ferry.archive.RetaggedArchive;
import org.ferry.failure.FerryFailure;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.failure.TransientFailure;

/**
 * Streams a re-tagged archive into the daemon's {@code POST /images/load}. Unlike a generic load,
 * it knows whose fault a failure is: the archive's own stream reports the rule it broke, an error
 * the daemon reports while unpacking a checked archive is the archive's (bar a full disk), and only
 * an unreachable daemon is worth another attempt.
 */
final class DockerArchiveLoader {

  private static final String LOADED = "Loaded image: ";

  private final DockerClient client;
  private final Retry retry;

  DockerArchiveLoader(DockerClient client, Retry retry) {
    this.client = client;
    this.retry = retry;
  }

  /**
   * Loads the archive that {@code open} opens (afresh for each attempt) and returns the references
   * the daemon reports loading.
   */
  List<String> load(String file, Supplier<RetaggedArchive> open) {
    Supplier<List<String>> attempt = () -> loadOnce(file, open.get());
    return Retry.decorateSupplier(retry, attempt).get();
  }

  private List<String> loadOnce(String file, RetaggedArchive archive) {
    var action = "push " + file;
    var loaded = new ArrayList<String>();
    try (archive) {
      var callback =
          client
              .loadImageAsyncCmd(archive)
              .exec(
                  new ResultCallback.Adapter<LoadResponseItem>() {
                    @Override
                    public void onNext(LoadResponseItem item) {
                      if (item.isErrorIndicated()) {
                        throw daemonRefused(action, errorOf(item));
                      }
                      var text = item.getStream();
                      if (text != null && text.startsWith(LOADED)) {
                        loaded.add(text.substring(LOADED.length()).strip());
                      }
                    }
                  });
      callback.awaitCompletion();
      return loaded;
    } catch (RuntimeException e) {
      throw archive.failure().map(FerryFailure.class::cast).orElseGet(() -> translate(action, e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientFailure(action, "the worker is shutting down", "Try again.", e);
    }
  }

  private static FerryFailure translate(String action, RuntimeException e) {
    if (e instanceof FerryFailure failure) {
      return failure;
    }
    if (e instanceof DockerException docker && docker.getHttpStatus() < 500) {
      return new PermanentFailure(
          action,
          "the Docker daemon refused the archive (" + firstLine(docker.getMessage()) + ")",
          "Save the image again with docker save -o x.tar IMAGE.",
          ReasonCodes.BAD_ARCHIVE,
          e);
    }
    var cause = e.getCause() instanceof IOException io ? io : e;
    return new TransientFailure(
        action,
        "the Docker daemon is unreachable or failed (" + firstLine(cause.getMessage()) + ")",
        "Try again later; tell the operators if it persists.",
        e);
  }

  /** An error the daemon reports while unpacking an archive Ferry already checked. */
  private static FerryFailure daemonRefused(String action, String message) {
    if (message.toLowerCase(Locale.ROOT).contains("no space left")) {
      return new TransientFailure(
          action,
          "the Docker daemon's disk is full (" + firstLine(message) + ")",
          "Tell the operators; try again once they made room.",
          ReasonCodes.NO_SPACE,
          null);
    }
    return new PermanentFailure(
        action,
        "the Docker daemon could not load the image (" + firstLine(message) + ")",
        "Save the image again with docker save -o x.tar IMAGE and copy that file.",
        ReasonCodes.BAD_ARCHIVE);
  }

  private static String errorOf(LoadResponseItem item) {
    var detail = item.getErrorDetail();
    return detail != null && detail.getMessage() != null
        ? detail.getMessage()
        : String.valueOf(item.getError());
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "no details";
    }
    var line = text.strip().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
