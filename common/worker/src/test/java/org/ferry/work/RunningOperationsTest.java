package org.ferry.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.ferry.metrics.FerryMetrics;
import org.ferry.operation.OperationKind;
import org.ferry.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** The in-flight count and the age of the oldest running operation, per kind. */
class RunningOperationsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final RunningOperations running = new RunningOperations(meters, clock);

  @Test
  void reportsTheAgeOfTheOldestRunningOperationOfEachKind() {
    // given two pushes started 60 s apart and an export started later
    var firstPush = running.start(OperationKind.PUSH);
    clock.advance(Duration.ofSeconds(60));
    var secondPush = running.start(OperationKind.PUSH);
    clock.advance(Duration.ofSeconds(30));
    var export = running.start(OperationKind.EXPORT);

    // when ten more seconds pass
    clock.advance(Duration.ofSeconds(10));

    // then each kind reports its own oldest run and how many run
    assertThat(oldest(OperationKind.PUSH)).isEqualTo(100.0);
    assertThat(oldest(OperationKind.EXPORT)).isEqualTo(10.0);
    assertThat(inFlight(OperationKind.PUSH)).isEqualTo(2.0);
    assertThat(inFlight(OperationKind.EXPORT)).isEqualTo(1.0);

    // and when the oldest push ends, the next one is the oldest
    firstPush.run();
    assertThat(oldest(OperationKind.PUSH)).isEqualTo(40.0);
    assertThat(inFlight(OperationKind.PUSH)).isEqualTo(1.0);

    // and when everything ended, nothing is old
    secondPush.run();
    export.run();
    assertThat(oldest(OperationKind.PUSH)).isZero();
    assertThat(oldest(OperationKind.EXPORT)).isZero();
    assertThat(inFlight(OperationKind.PUSH)).isZero();
  }

  @Test
  void countsTwoRunsOfTheSameKindStartedAtTheSameInstantApart() {
    // given two runs that start at the same instant (a redelivery beside the first, say)
    var first = running.start(OperationKind.PUSH);
    var second = running.start(OperationKind.PUSH);
    clock.advance(Duration.ofMinutes(5));

    // when one ends
    first.run();

    // then the other still counts and keeps its age
    assertThat(inFlight(OperationKind.PUSH)).isEqualTo(1.0);
    assertThat(oldest(OperationKind.PUSH)).isEqualTo(300.0);
    second.run();
  }

  private double oldest(OperationKind kind) {
    return meters
        .get(FerryMetrics.OLDEST_RUNNING)
        .tag(FerryMetrics.TAG_OPERATION, kind.label())
        .timeGauge()
        .value(java.util.concurrent.TimeUnit.SECONDS);
  }

  private double inFlight(OperationKind kind) {
    return meters
        .get(FerryMetrics.IN_FLIGHT)
        .tag(FerryMetrics.TAG_OPERATION, kind.label())
        .gauge()
        .value();
  }
}
