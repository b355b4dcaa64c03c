package org.ferry.push;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Ferry's push-worker. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PushWorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(PushWorkerApplication.class, args);
  }
}
