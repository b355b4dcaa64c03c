package org.ferry.boot.docker;

import com.github.dockerjava.api.DockerClient;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import org.ferry.docker.DockerClients;
import org.ferry.docker.DockerEngine;
import org.ferry.docker.DockerJavaEngine;
import org.ferry.registry.RegistryRetry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** A docker-java client and engine, only in services that put docker-java on their class path. */
@AutoConfiguration
@ConditionalOnClass({DockerClient.class, DockerJavaEngine.class})
@EnableConfigurationProperties(DockerProperties.class)
public class DockerAutoConfiguration {

  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  DockerClient dockerClient(DockerProperties properties) {
    return DockerClients.connect(properties.host(), properties.tlsCertPath());
  }

  @Bean
  @ConditionalOnMissingBean(DockerEngine.class)
  DockerJavaEngine dockerEngine(
      DockerClient client, DockerProperties properties, MeterRegistry meters) {
    var retries = RetryRegistry.ofDefaults();
    var retry =
        retries.retry(
            "docker",
            () ->
                RegistryRetry.create("docker", properties.attempts(), properties.backoff())
                    .getRetryConfig());
    TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
    return new DockerJavaEngine(client, retry);
  }

  /** Closes the client's connections when the service stops. */
  @Bean
  AutoCloseable dockerClientCloser(DockerClient client) {
    return () -> {
      try {
        client.close();
      } catch (IOException e) {
        // Shutting down anyway.
      }
    };
  }
}
