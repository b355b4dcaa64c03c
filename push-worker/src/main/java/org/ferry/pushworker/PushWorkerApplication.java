package org.ferry.pushworker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Starts Ferry's push-worker: it pushes archives to the registry and deletes tags from it. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PushWorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(PushWorkerApplication.class, args);
  }
}
