package org.ferry.pushworker.push.docker;

import com.github.dockerjava.api.DockerClient;
import org.ferry.archive.ArchiveLimits;
import org.ferry.boot.RegistryProperties;
import org.ferry.boot.docker.DockerProperties;
import org.ferry.docker.DockerEngine;
import org.ferry.pushworker.push.PushEngine;
import org.ferry.registry.RegistryRetry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Selects the docker push engine with {@code ferry.push.engine=docker}. */
@Configuration
@ConditionalOnProperty(prefix = "ferry.push", name = "engine", havingValue = "docker")
class DockerPushConfiguration {

  @Bean
  PushEngine dockerPushEngine(
      DockerClient client,
      DockerEngine docker,
      DockerProperties dockerProperties,
      RegistryProperties registry,
      ArchiveLimits limits) {
    var retry =
        RegistryRetry.create(
            "docker-load", dockerProperties.attempts(), dockerProperties.backoff());
    return new DockerPushEngine(
        new DockerArchiveLoader(client, retry), docker, registry.access(), limits);
  }
}
