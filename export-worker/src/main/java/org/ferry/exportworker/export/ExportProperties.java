package org.ferry.exportworker.export;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How exports run: which engine writes the archives ({@code ferry.export.engine}, bound at start so
 * that an unknown engine stops the worker with a clear message) and after how long a temporary file
 * that no export is writing any more counts as left behind by a killed worker ({@code
 * ferry.export.abandoned-after}).
 */
@ConfigurationProperties("ferry.export")
record ExportProperties(Engine engine, Duration abandonedAfter) {

  /** The engines this worker has. */
  enum Engine {
    /** Streams the registry's compressed blobs into the archive; no Docker daemon needed. */
    REGISTRY
  }

  ExportProperties {
    engine = engine == null ? Engine.REGISTRY : engine;
    abandonedAfter = abandonedAfter == null ? Duration.ofHours(1) : abandonedAfter;
  }
}
