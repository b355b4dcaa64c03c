package org.ferry.commitworker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Ferry's commit-worker. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommitWorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(CommitWorkerApplication.class, args);
  }
}
