package org.ferry.exportworker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Ferry's export-worker. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExportWorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(ExportWorkerApplication.class, args);
  }
}
