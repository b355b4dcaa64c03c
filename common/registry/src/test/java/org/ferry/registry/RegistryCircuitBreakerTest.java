package org.ferry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.ferry.failure.TransientFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistryCircuitBreakerTest {

  private HttpServer failingRegistry;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void startARegistryThatAnswers503() throws IOException {
    failingRegistry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    failingRegistry.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(503, -1);
          exchange.close();
        });
    failingRegistry.start();
  }

  @AfterEach
  void stop() {
    failingRegistry.stop(0);
  }

  @Test
  void stopsCallingARegistryThatKeepsFailing() {
    // given
    var address = "127.0.0.1:" + failingRegistry.getAddress().getPort();
    var client =
        new RegistryClient(
            new RegistryAccess(address, "http", null, null),
            RegistryRetry.create("test", 1, Duration.ofMillis(1)));
    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> client.tags(new Repository("team-a", "hello")))
          .isInstanceOf(TransientFailure.class);
    }
    var seenBeforeOpening = requests.get();

    // when / then
    assertThatThrownBy(() -> client.tags(new Repository("team-a", "hello")))
        .isInstanceOf(TransientFailure.class)
        .hasMessageContaining("failed repeatedly, so Ferry pauses calls to it");
    assertThat(requests.get()).isEqualTo(seenBeforeOpening).isEqualTo(10);
  }
}
