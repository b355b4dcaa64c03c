package org.ferry.docker;

import static org.ferry.docker.DaemonCalls.RETRY_LATER;
import static org.ferry.docker.DaemonCalls.firstLine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.LoadResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import io.github.resilience4j.retry.Retry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.failure.TransientFailure;
import org.ferry.image.Digest;
import org.ferry.image.ImageRef;
import org.ferry.operation.Progress;
import org.ferry.registry.RegistryAccess;

/** The docker-java adapter of {@link DockerEngine}. */
public final class DockerJavaEngine implements DockerEngine {

  private final DockerClient client;
  private final DaemonCalls calls;

  public DockerJavaEngine(DockerClient client, Retry retry) {
    this(client, new DaemonCalls(retry));
  }

  public DockerJavaEngine(DockerClient client, DaemonCalls calls) {
    this.client = client;
    this.calls = calls;
  }

  @Override
  public List<String> load(ArchiveStream archive) {
    return calls.retrying(
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
    return calls.retrying(
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
    calls.retrying(
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
    return calls.retrying(
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

  /**
   * Throws for an error item in a daemon stream. The registry's answers arrive this way during a
   * push, so "denied"/"unauthorized" are permanent and anything else is worth a retry.
   */
  private static void failOnError(String action, ResponseItem item) {
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
}
