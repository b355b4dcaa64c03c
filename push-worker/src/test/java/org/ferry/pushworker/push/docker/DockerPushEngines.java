package org.ferry.pushworker.push.docker;

import java.time.Duration;
import org.ferry.archive.ArchiveLimits;
import org.ferry.docker.DockerClients;
import org.ferry.docker.DockerJavaEngine;
import org.ferry.pushworker.push.PushEngine;
import org.ferry.registry.RegistryRetry;
import org.ferry.testing.LocalServices;

/** The docker push engine outside Spring, for tests that compare it with another engine. */
public final class DockerPushEngines {

  private DockerPushEngines() {}

  /** The docker engine on the local daemon, pushing with the local push account. */
  public static PushEngine local() {
    var client = DockerClients.connect(LocalServices.dockerHost(), null);
    var retry = RegistryRetry.create("docker-test", 3, Duration.ofMillis(500));
    return new DockerPushEngine(
        new DockerArchiveLoader(client, retry),
        new DockerJavaEngine(client, retry),
        LocalServices.pushAccess(),
        ArchiveLimits.defaults());
  }
}
