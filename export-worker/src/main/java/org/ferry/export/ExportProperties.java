package org.ferry.export;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which engine writes export archives ({@code ferry.export.engine}); bound at start so that an
 * unknown engine stops the worker with a clear message instead of leaving it without one.
 */
@ConfigurationProperties("ferry.export")
record ExportProperties(Engine engine) {

  /** The engines this worker has. */
  enum Engine {
    /** Streams the registry's compressed blobs into the archive; no Docker daemon needed. */
    REGISTRY
  }

  ExportProperties {
    engine = engine == null ? Engine.REGISTRY : engine;
  }
}
