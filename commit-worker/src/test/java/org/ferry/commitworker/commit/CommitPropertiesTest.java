package org.ferry.commitworker.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binding and checking {@code ferry.commit.*}. */
class CommitPropertiesTest {

  @Test
  void defaultsToTheLocalSocketAndTheFerryPrefixAndPausing() {
    // when
    var properties = bind(Map.of());

    // then
    assertThat(properties.hosts())
        .containsExactly(new CommitProperties.Host("local", "unix:///var/run/docker.sock", null));
    assertThat(properties.labelPrefix()).isEqualTo("ferry");
    assertThat(properties.pause()).isTrue();
    assertThat(properties.listTimeout()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void bindsSeveralHostsWithTls() {
    // given
    var settings =
        Map.of(
            "ferry.commit.hosts[0].name", "local",
            "ferry.commit.hosts[1].name", "gpu-1",
            "ferry.commit.hosts[1].url", "tcp://gpu-1:2376",
            "ferry.commit.hosts[1].tls-cert-path", "/etc/ferry/gpu-1",
            "ferry.commit.label-prefix", "colosseum",
            "ferry.commit.pause", "false",
            "ferry.commit.list-timeout", "1500ms");

    // when
    var properties = bind(settings);

    // then
    assertThat(properties.hosts())
        .containsExactly(
            new CommitProperties.Host("local", "unix:///var/run/docker.sock", null),
            new CommitProperties.Host("gpu-1", "tcp://gpu-1:2376", "/etc/ferry/gpu-1"));
    assertThat(properties.labelPrefix()).isEqualTo("colosseum");
    assertThat(properties.pause()).isFalse();
    assertThat(properties.listTimeout()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void rejectsTwoHostsWithOneName() {
    var settings =
        Map.of(
            "ferry.commit.hosts[0].name", "gpu",
            "ferry.commit.hosts[0].url", "tcp://gpu-1:2376",
            "ferry.commit.hosts[1].name", "gpu",
            "ferry.commit.hosts[1].url", "tcp://gpu-2:2376");

    assertThatThrownBy(() -> bind(settings))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("names 'gpu' twice");
  }

  @Test
  void rejectsAHostWithoutAName() {
    var settings = Map.of("ferry.commit.hosts[0].url", "tcp://gpu-1:2376");

    assertThatThrownBy(() -> bind(settings))
        .rootCause()
        .hasMessageContaining("name 'null'")
        .hasMessageContaining("tcp://gpu-1:2376");
  }

  @Test
  void rejectsAUrlThatIsNoDockerAddress() {
    var settings =
        Map.of(
            "ferry.commit.hosts[0].name", "gpu-1",
            "ferry.commit.hosts[0].url", "https://gpu-1:2376");

    assertThatThrownBy(() -> bind(settings))
        .rootCause()
        .hasMessageContaining("use unix:///path/to/docker.sock or tcp://host:port");
  }

  @Test
  void rejectsANonPositiveListTimeout() {
    assertThatThrownBy(() -> bind(Map.of("ferry.commit.list-timeout", "0s")))
        .rootCause()
        .hasMessageContaining("list-timeout must be positive");
  }

  private static CommitProperties bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("ferry.commit", CommitProperties.class);
  }
}
