package org.ferry.docker;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.util.function.Supplier;
import org.ferry.failure.FerryFailure;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.failure.TransientFailure;

/**
 * Runs calls to a Docker daemon under the retry policy, translating docker-java's errors into
 * Ferry's: the one place that decides which daemon failures are transient.
 */
public final class DaemonCalls {

  static final String RETRY_LATER = "Try again later; tell the operators if it persists.";

  private final Retry retry;

  public DaemonCalls(Retry retry) {
    this.retry = retry;
  }

  /** Runs {@code call} under the retry policy; {@code action} names it in the failure. */
  public <T> T retrying(String action, DaemonCall<T> call) {
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
  public interface DaemonCall<T> {
    T run() throws IOException, InterruptedException;
  }

  /** The first line of a daemon's message, cut to a length a failure can carry. */
  static String firstLine(String text) {
    if (text == null) {
      return "no details";
    }
    var line = text.strip().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
