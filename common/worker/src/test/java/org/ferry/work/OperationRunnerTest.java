package org.ferry.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.ferry.contract.ExportRequested;
import org.ferry.contract.FerryMessage;
import org.ferry.contract.FileName;
import org.ferry.contract.OperationFailed;
import org.ferry.contract.PushRequested;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.messaging.MessagePublisher;
import org.ferry.metrics.FerryMetrics;
import org.ferry.operation.OperationId;
import org.ferry.operation.Source;
import org.ferry.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The runner keeps the running-operation gauges true while work runs, ends or crashes, and says in
 * the FAILED event what the failure says.
 */
class OperationRunnerTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final OperationRunner runner =
      new OperationRunner(
          mock(MessagePublisher.class), meters, clock, "push-worker", Duration.ofSeconds(1));

  @Test
  void showsARunningOperationsAgeWhileItRunsAndZeroOnceItEnded() {
    // given a push that has been running for 45 minutes when it looks at the gauges
    var seenWhileRunning = new AtomicReference<double[]>();
    Work<PushRequested> slowPush =
        (request, progress) -> {
          clock.advance(Duration.ofMinutes(45));
          seenWhileRunning.set(new double[] {oldestSeconds("push"), inFlight("push")});
          return new Outcome("pushed", Map.of());
        };

    // when it runs to the end
    runner.run(push(), slowPush);

    // then while it ran it was the oldest of one running push, and afterwards nothing runs
    assertThat(seenWhileRunning.get()).containsExactly(2700.0, 1.0);
    assertThat(oldestSeconds("push")).isZero();
    assertThat(inFlight("push")).isZero();
  }

  @Test
  void forgetsAnOperationThatCrashed() {
    // given an export whose code throws what no use case should
    Work<ExportRequested> crashing =
        (request, progress) -> {
          clock.advance(Duration.ofMinutes(3));
          throw new IllegalStateException("bug");
        };

    // when it runs
    runner.run(export(), crashing);

    // then it is neither running nor old, and it counts as failed
    assertThat(oldestSeconds("export")).isZero();
    assertThat(inFlight("export")).isZero();
    assertThat(
            meters
                .get(FerryMetrics.OPERATIONS)
                .tags("operation", "export", "outcome", "failed", "reason", "internal")
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void publishesTheDetailsOfAFailureWithItsMessage() {
    // given a use case that fails with a fact a program can act on
    var publisher = mock(MessagePublisher.class);
    var reporting =
        new OperationRunner(publisher, meters, clock, "push-worker", Duration.ofSeconds(1));
    Work<PushRequested> refusing =
        (request, progress) -> {
          throw new PermanentFailure(
              "push hello.tar.gz", "it moved", "Look again.", ReasonCodes.CONFLICT) {
            @Override
            public Map<String, String> details() {
              return Map.of("currentDigest", "sha256:" + "e".repeat(64));
            }
          };
        };

    // when
    reporting.run(push(), refusing);

    // then
    var events = ArgumentCaptor.forClass(FerryMessage.class);
    verify(publisher, atLeastOnce()).publish(events.capture());
    var failed = (OperationFailed) events.getAllValues().get(events.getAllValues().size() - 1);
    assertThat(failed.reason()).isEqualTo("conflict");
    assertThat(failed.message()).isEqualTo("Could not push hello.tar.gz: it moved. Look again.");
    assertThat(failed.details()).containsEntry("currentDigest", "sha256:" + "e".repeat(64));
  }

  private double oldestSeconds(String kind) {
    return meters
        .get(FerryMetrics.OLDEST_RUNNING)
        .tag(FerryMetrics.TAG_OPERATION, kind)
        .timeGauge()
        .value(TimeUnit.SECONDS);
  }

  private double inFlight(String kind) {
    return meters.get(FerryMetrics.IN_FLIGHT).tag(FerryMetrics.TAG_OPERATION, kind).gauge().value();
  }

  private PushRequested push() {
    return new PushRequested(
        OperationId.random(),
        Team.of("team-a"),
        clock.instant(),
        "alice",
        Source.API,
        FileName.of("hello.tar.gz"),
        ImageName.of("hello"),
        Tag.LATEST);
  }

  private ExportRequested export() {
    return new ExportRequested(
        OperationId.random(),
        Team.of("team-a"),
        clock.instant(),
        "alice",
        Source.API,
        Team.COMMON,
        ImageName.of("hello"),
        Tag.LATEST,
        ImageName.of("hello-copy"),
        false);
  }
}
