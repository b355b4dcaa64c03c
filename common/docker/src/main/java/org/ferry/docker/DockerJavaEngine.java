package org.ferry.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.LoadResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.ferry.failure.FerryFailure;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.failure.TransientFailure;
import org.ferry.image.Digest;
import org.ferry.image.ImageRef;
import org.ferry.operation.Progress;
import org.ferry.registry.RegistryAccess;

/** The docker-java adapter of {@link DockerEngine}. */
public class DockerJavaEngine implements DockerEngine {

  private static final String RETRY_LATER = "Try again later; tell the operators if it persists.";

  private final DockerClient client;
  private final Retry retry;

  public DockerJavaEngine(DockerClient client, Retry retry) {
    this.client = client;
    this.retry = retry;
  }

  /** The docker-java client, for adapters in the same package that need more of the daemon. */
  protected DockerClient client() {
    return client;
  }

  @Override
  public List<String> load(ArchiveStream archive) {
    return retrying(
        "load the archive into the daemon",
        () -> {
          var loaded = new ArrayList<String>();
          try (var stream = archive.open()) {
            var callback =
                client
                    .loadImageAsyncCmd(stream)
                    .exec(
                        new ResultCallback.Adapter<LoadResponseItem>() {
                          @Override
                          public void onNext(LoadResponseItem item) {
                            failOnError("load the archive into the daemon", item);
                            var text = item.getStream();
                            if (text != null && text.contains(": ")) {
                              loaded.add(text.substring(text.indexOf(": ") + 2).strip());
                            }
                          }
                        });
            callback.awaitCompletion();
          }
          return loaded;
        });
  }

  @Override
  public Digest push(ImageRef ref, RegistryAccess registry, Progress progress) {
    var action = "push " + ref;
    return retrying(
        action,
        () -> {
          var digest = new String[1];
          var layers = new ConcurrentHashMap<String, long[]>();
          var auth =
              new AuthConfig()
                  .withRegistryAddress(registry.address())
                  .withUsername(registry.username())
                  .withPassword(registry.password());
          client
              .pushImageCmd(ref.repositoryReference())
              .withTag(ref.tag().value())
              .withAuthConfig(auth)
              .exec(
                  new ResultCallback.Adapter<PushResponseItem>() {
                    @Override
                    public void onNext(PushResponseItem item) {
                      failOnError(action, item);
                      var aux = item.getAux();
                      if (aux != null && aux.getDigest() != null) {
                        digest[0] = aux.getDigest();
                      }
                      reportLayer(item, layers, progress);
                    }
                  })
              .awaitCompletion();
          if (digest[0] == null) {
            throw new TransientFailure(
                action, "the daemon did not report the pushed digest", RETRY_LATER, null);
          }
          return Digest.of(digest[0]);
        });
  }

  @Override
  public void remove(String imageOrRef) {
    retrying(
        "remove " + imageOrRef + " from the daemon",
        () -> {
          try {
            client.removeImageCmd(imageOrRef).exec();
          } catch (NotFoundException e) {
            // Already gone: removing is what we wanted.
          }
          return null;
        });
  }

  @Override
  public long imageSize(String imageOrRef) {
    return retrying(
        "inspect " + imageOrRef,
        () -> {
          var size = client.inspectImageCmd(imageOrRef).exec().getSize();
          return size == null ? -1L : size;
        });
  }

  @Override
  public boolean ping() {
    try {
      client.pingCmd().exec();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Runs a daemon call under the retry policy, translating docker-java's errors into Ferry's. */
  protected <T> T retrying(String action, DaemonCall<T> call) {
    Supplier<T> attempt =
        () -> {
          try {
            return call.run();
          } catch (FerryFailure failure) {
            throw failure;
          } catch (NotFoundException e) {
            throw new PermanentFailure(
                action,
                "the daemon does not know it (" + e.getMessage().strip() + ")",
                "Check the name and try again.",
                ReasonCodes.NOT_FOUND,
                e);
          } catch (DockerException e) {
            if (e.getHttpStatus() >= 500) {
              throw new TransientFailure(
                  action,
                  "the Docker daemon failed (" + firstLine(e.getMessage()) + ")",
                  RETRY_LATER,
                  e);
            }
            throw new PermanentFailure(
                action,
                "the Docker daemon refused (" + firstLine(e.getMessage()) + ")",
                "Check the request and try again.",
                ReasonCodes.REJECTED,
                e);
          } catch (IOException e) {
            throw new TransientFailure(
                action,
                "the Docker daemon is unreachable (" + e.getMessage() + ")",
                RETRY_LATER,
                e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure(action, "the worker is shutting down", "Try again.", e);
          } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
              throw new TransientFailure(
                  action,
                  "the Docker daemon is unreachable (" + io.getMessage() + ")",
                  RETRY_LATER,
                  e);
            }
            throw e;
          }
        };
    return Retry.decorateSupplier(retry, attempt).get();
  }

  /** One call to the daemon. */
  @FunctionalInterface
  protected interface DaemonCall<T> {
    T run() throws IOException, InterruptedException;
  }

  /**
   * Throws for an error item in a daemon stream. The registry's answers arrive this way during a
   * push, so "denied"/"unauthorized" are permanent and anything else is worth a retry.
   */
  protected static void failOnError(String action, ResponseItem item) {
    if (!item.isErrorIndicated()) {
      return;
    }
    var message =
        item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
            ? item.getErrorDetail().getMessage()
            : item.getError();
    var lower = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("denied") || lower.contains("unauthorized") || lower.contains("invalid")) {
      throw new PermanentFailure(
          action,
          "the daemon reported: " + firstLine(message),
          "Check the image and the registry account.",
          ReasonCodes.REJECTED);
    }
    throw new TransientFailure(
        action, "the daemon reported: " + firstLine(message), RETRY_LATER, null);
  }

  private static void reportLayer(
      PushResponseItem item, Map<String, long[]> layers, Progress progress) {
    var detail = item.getProgressDetail();
    if (item.getId() == null || detail == null || detail.getTotal() == null) {
      return;
    }
    layers.put(
        item.getId(),
        new long[] {detail.getCurrent() == null ? 0 : detail.getCurrent(), detail.getTotal()});
    long done = 0;
    long total = 0;
    for (var layer : layers.values()) {
      done += layer[0];
      total += layer[1];
    }
    progress.report("uploading", done, total);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "no details";
    }
    var line = text.strip().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
