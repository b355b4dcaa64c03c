package org.ferry.nas;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * The few Linux calls that plain Java lacks for working relative to an open folder: opening a
 * folder without following links, and renaming or linking without replacing. Names are passed as
 * NUL-terminated bytes, so what is opened is exactly what was named.
 */
final class LinuxCalls {

  static final int AT_FDCWD = -100;
  static final int AT_REMOVEDIR = 0x200;
  static final int RENAME_NOREPLACE = 1;

  static final int ENOENT = 2;
  static final int EEXIST = 17;
  static final int ENOTDIR = 20;
  static final int EISDIR = 21;
  static final int EINVAL = 22;
  static final int ENOSPC = 28;
  static final int ENAMETOOLONG = 36;
  static final int ENOSYS = 38;
  static final int ELOOP = 40;
  static final int EOPNOTSUPP = 95;
  static final int EXDEV = 18;
  static final int EPERM = 1;
  static final int EACCES = 13;
  static final int ENOTEMPTY = 39;
  static final int EDQUOT = 122;

  /** open(2) flags: the values differ between architectures. */
  static final int O_RDONLY = 0;

  static final int O_DIRECTORY;
  static final int O_NOFOLLOW;
  static final int O_CLOEXEC = 0x80000;

  static {
    var arch = System.getProperty("os.arch");
    if (arch.equals("aarch64") || arch.equals("arm")) {
      O_DIRECTORY = 0x4000;
      O_NOFOLLOW = 0x8000;
    } else {
      O_DIRECTORY = 0x10000;
      O_NOFOLLOW = 0x20000;
    }
  }

  /** The C library's calls, each throwing {@link LastErrorException} with errno on -1. */
  interface LibC extends Library {
    int open(byte[] path, int flags) throws LastErrorException;

    int openat(int dirfd, byte[] path, int flags) throws LastErrorException;

    int mkdirat(int dirfd, byte[] path, int mode) throws LastErrorException;

    int renameat(int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath)
        throws LastErrorException;

    int renameat2(int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath, int flags)
        throws LastErrorException;

    int linkat(int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath, int flags)
        throws LastErrorException;

    int unlinkat(int dirfd, byte[] path, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;
  }

  static final LibC C = Native.load("c", LibC.class);

  private LinuxCalls() {}
}
