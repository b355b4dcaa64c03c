package org.ferry.exportworker.export.archive;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the bytes of one archive entry; an {@link IOException} means the archive's output failed.
 */
@FunctionalInterface
public interface EntryContent {

  void writeTo(OutputStream entry) throws IOException;
}
