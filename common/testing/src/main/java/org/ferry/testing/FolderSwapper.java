package org.ferry.testing;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The attack on a team's folder, as a team member could run it: a thread that atomically exchanges
 * a team's folder with a symbolic link to another team's folder, over and over, with {@code
 * renameat2(RENAME_EXCHANGE)}. Closing it stops the loop and leaves the real folder in place.
 */
public final class FolderSwapper implements AutoCloseable {

  private static final int AT_FDCWD = -100;
  private static final int RENAME_EXCHANGE = 2;

  /** The one call the attack needs. */
  interface LibC extends Library {
    int renameat2(int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath, int flags)
        throws LastErrorException;
  }

  private static final LibC C = Native.load("c", LibC.class);

  private final Path folder;
  private final Path decoy;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong swaps = new AtomicLong();
  private final Thread thread;

  private FolderSwapper(Path folder, Path decoy) {
    this.folder = folder;
    this.decoy = decoy;
    this.thread = new Thread(this::loop, "folder-swapper");
    this.thread.setDaemon(true);
  }

  /**
   * Starts exchanging {@code folder} (a real folder) with a new link beside it that points at
   * {@code target}.
   */
  public static FolderSwapper start(Path folder, Path target) throws IOException {
    var decoy = folder.resolveSibling(folder.getFileName() + "-decoy");
    Files.createSymbolicLink(decoy, folder.getParent().relativize(target));
    var swapper = new FolderSwapper(folder, decoy);
    swapper.thread.start();
    return swapper;
  }

  /** How many exchanges really happened so far. */
  public long swaps() {
    return swaps.get();
  }

  private void loop() {
    var a = bytes(folder);
    var b = bytes(decoy);
    while (running.get()) {
      try {
        C.renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
        swaps.incrementAndGet();
      } catch (LastErrorException e) {
        throw new IllegalStateException("renameat2(RENAME_EXCHANGE) failed: " + e.getMessage(), e);
      }
      // Paced, so that the code under attack gets the cores it needs: thousands of swaps a second.
      LockSupport.parkNanos(20_000);
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (!running.getAndSet(false)) {
      return;
    }
    thread.join();
    if (Files.isSymbolicLink(folder)) {
      C.renameat2(AT_FDCWD, bytes(folder), AT_FDCWD, bytes(decoy), RENAME_EXCHANGE);
    }
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalStateException(folder + " is not the real folder after the swaps");
    }
    Files.delete(decoy);
  }

  private static byte[] bytes(Path path) {
    return (path.toAbsolutePath() + "\0").getBytes(StandardCharsets.UTF_8);
  }
}
