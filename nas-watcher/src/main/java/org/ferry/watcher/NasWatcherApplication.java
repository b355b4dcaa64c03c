package org.ferry.watcher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Ferry's nas-watcher. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NasWatcherApplication {

  public static void main(String[] args) {
    SpringApplication.run(NasWatcherApplication.class, args);
  }
}
