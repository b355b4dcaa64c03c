package org.ferry.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.ferry.contract.ExportRequested;
import org.ferry.contract.FileName;
import org.ferry.contract.OperationFailed;
import org.ferry.contract.OperationProgressed;
import org.ferry.contract.PushRequested;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.Reason;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.messaging.RecordingPublisher;
import org.ferry.metrics.FerryMetrics;
import org.ferry.operation.OperationId;
import org.ferry.operation.Source;
import org.ferry.operation.Stage;
import org.ferry.testing.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * The runner keeps the running-operation gauges true while work runs, ends or crashes, and says in
 * the FAILED event what the failure says.
 */
class OperationRunnerTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final RecordingPublisher published = new RecordingPublisher();
  private final OperationRunner runner =
      new OperationRunner(published, meters, clock, "push-worker", Duration.ofSeconds(1));

  @Test
  void timesEachStageUntilTheNextAndTheLastUntilTheEndEvenWhenItFails() {
    // given a push that checks for 2 s, then uploads for 5 s and fails
    Work<PushRequested> failingUpload =
        (request, progress) -> {
          progress.report(Stage.CHECKING, 0, 10);
          clock.advance(Duration.ofSeconds(2));
          progress.report(Stage.UPLOADING, 0, -1);
          clock.advance(Duration.ofSeconds(5));
          throw new PermanentFailure("push", "the registry refused it", "Tell us.", "rejected");
        };

    // when it runs
    runner.run(push(), failingUpload);

    // then both stages are timed, and the failure is published with its reason
    assertThat(stageSeconds("checking")).isEqualTo(2.0);
    assertThat(stageSeconds("uploading")).isEqualTo(5.0);
    assertThat(published.published(OperationProgressed.class))
        .extracting(OperationProgressed::stage)
        .containsExactly(Stage.CHECKING, Stage.UPLOADING);
    assertThat(published.published(OperationFailed.class))
        .singleElement()
        .extracting(OperationFailed::reason)
        .isEqualTo(Reason.REJECTED);
  }

  private double stageSeconds(String stage) {
    return meters
        .get(FerryMetrics.STAGE_DURATION)
        .tags("operation", "push", "stage", stage)
        .timer()
        .totalTime(java.util.concurrent.TimeUnit.SECONDS);
  }

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
    var publisher = new RecordingPublisher();
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
    var failed = publisher.published(OperationFailed.class).get(0);
    assertThat(failed.reason()).isEqualTo(Reason.CONFLICT);
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
