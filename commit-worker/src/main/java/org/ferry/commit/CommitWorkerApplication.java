package org.ferry.commit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Ferry's commit-worker. */
// The reservations capability lives beside the commit one, not under it.
@SpringBootApplication(scanBasePackages = {"org.ferry.commit", "org.ferry.reservation"})
@ConfigurationPropertiesScan
public class CommitWorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(CommitWorkerApplication.class, args);
  }
}
