package org.ferry.exportworker.export.archive;

/** How a layer blob is stored, which decides the suffix of its file in the archive. */
public enum LayerEncoding {
  GZIP(".tar.gz"),
  TAR(".tar");

  private final String suffix;

  LayerEncoding(String suffix) {
    this.suffix = suffix;
  }

  String suffix() {
    return suffix;
  }
}
