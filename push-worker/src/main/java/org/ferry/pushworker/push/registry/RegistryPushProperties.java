package org.ferry.pushworker.push.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How the registry engine uploads layers: gzip-compressed on {@code threads} cores in blocks of
 * {@code blockSize} at {@code gzipLevel} (the default), or uncompressed with {@code compress=false}
 * for a registry on the GPU nodes' LAN, where compressing costs more time than it saves.
 */
@ConfigurationProperties("ferry.push.registry")
record RegistryPushProperties(
    Boolean compress, Integer gzipLevel, DataSize blockSize, Integer threads) {

  RegistryPushProperties {
    compress = compress == null || compress;
    gzipLevel = gzipLevel == null ? 1 : gzipLevel;
    blockSize = blockSize == null ? DataSize.ofMegabytes(1) : blockSize;
    threads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (gzipLevel < 0 || gzipLevel > 9) {
      throw new IllegalArgumentException("ferry.push.registry.gzip-level must be 0 to 9");
    }
    if (blockSize.toBytes() < 64 * 1024 || blockSize.toBytes() > 64L * 1024 * 1024) {
      throw new IllegalArgumentException("ferry.push.registry.block-size must be 64KB to 64MB");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("ferry.push.registry.threads must be at least 1");
    }
  }

  static RegistryPushProperties defaults() {
    return new RegistryPushProperties(null, null, null, null);
  }

  RegistryPushProperties uncompressed() {
    return new RegistryPushProperties(false, gzipLevel, blockSize, threads);
  }
}
