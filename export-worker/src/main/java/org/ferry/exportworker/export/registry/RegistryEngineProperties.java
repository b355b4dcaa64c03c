package org.ferry.exportworker.export.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the registry-streaming export engine: which image of a multi-platform tag to export,
 * the largest image config it reads into memory, and the size of its copy buffer.
 */
@ConfigurationProperties("ferry.export.registry")
record RegistryEngineProperties(String platform, DataSize maxConfigSize, DataSize bufferSize) {

  RegistryEngineProperties {
    platform = platform == null || platform.isBlank() ? "linux/amd64" : platform;
    maxConfigSize = maxConfigSize == null ? DataSize.ofMegabytes(8) : maxConfigSize;
    bufferSize = bufferSize == null ? DataSize.ofKilobytes(256) : bufferSize;
  }
}
