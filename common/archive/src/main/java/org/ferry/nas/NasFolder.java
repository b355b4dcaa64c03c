package org.ferry.nas;

import com.sun.jna.LastErrorException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A folder on the NAS held open by its descriptor, and everything Ferry does in it done relative to
 * that descriptor: a team can rename and link inside its own folder, so a path string that was
 * checked once may name another folder a moment later, while an open descriptor cannot change.
 *
 * <p>Folders below are opened without following links; names are single path segments; files are
 * created without following links and never replace anything unless asked to. Files Ferry writes
 * get the folder's group and are readable wherever the folder is, so a team can read its notes and
 * exports.
 *
 * <p>Plain Java reaches the open folder through {@code /proc/self/fd/<n>}: the kernel resolves that
 * link to the folder the descriptor holds, whatever its name is now. The calls Java lacks (opening
 * a folder without following links, renaming without replacing) are Linux calls.
 */
public final class NasFolder implements Closeable {

  private static final Charset NAMES = namesCharset();
  private static final String ATTRIBUTES =
      "unix:size,lastModifiedTime,ctime,fileKey,nlink,isRegularFile,isDirectory,isSymbolicLink";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private final int fd;
  private final Path shownAs;
  private final Path self;
  private final AtomicBoolean closed = new AtomicBoolean();

  private NasFolder(int fd, Path shownAs) {
    this.fd = fd;
    this.shownAs = shownAs;
    this.self = Path.of("/proc/self/fd", Integer.toString(fd));
  }

  /**
   * Opens a folder that the operators configured (the NAS root, Ferry's work folder): links on the
   * way to it are followed, since teams cannot write there.
   */
  public static NasFolder openConfigured(Path folder) throws IOException {
    var path = folder.toAbsolutePath().normalize();
    try {
      return new NasFolder(
          LinuxCalls.C.open(
              bytes(path.toString()),
              LinuxCalls.O_RDONLY | LinuxCalls.O_DIRECTORY | LinuxCalls.O_CLOEXEC),
          path);
    } catch (LastErrorException e) {
      throw failure(e, path, null);
    }
  }

  /** The path this folder had when it was opened; for messages only, never for access. */
  public Path path() {
    return shownAs;
  }

  /**
   * Opens the folder {@code name} in this one, without following a link.
   *
   * @throws NotDirectoryException if {@code name} is a link or anything but a folder
   */
  public NasFolder folder(String name) throws IOException {
    var segment = segment(name);
    try {
      return new NasFolder(
          LinuxCalls.C.openat(
              fd,
              bytes(segment),
              LinuxCalls.O_RDONLY
                  | LinuxCalls.O_DIRECTORY
                  | LinuxCalls.O_NOFOLLOW
                  | LinuxCalls.O_CLOEXEC),
          shownAs.resolve(segment));
    } catch (LastErrorException e) {
      if (e.getErrorCode() == LinuxCalls.ELOOP) {
        throw new NotDirectoryException(shownAs.resolve(segment) + " (a symbolic link)");
      }
      throw failure(e, shownAs.resolve(segment), null);
    }
  }

  /** Opens the folder {@code name} in this one, creating it first (owner only) if it is missing. */
  public NasFolder createFolder(String name) throws IOException {
    var segment = segment(name);
    try {
      LinuxCalls.C.mkdirat(fd, bytes(segment), 0700);
    } catch (LastErrorException e) {
      if (e.getErrorCode() != LinuxCalls.EEXIST) {
        throw failure(e, shownAs.resolve(segment), null);
      }
    }
    return folder(segment);
  }

  /** Everything in this folder but {@code .} and {@code ..}, as it is now, links not followed. */
  public List<NasEntry> list() throws IOException {
    var entries = new ArrayList<NasEntry>();
    try (var stream = Files.newDirectoryStream(self)) {
      for (var entry : stream) {
        var raw = entry.getFileName();
        var name = raw.toString();
        var readable = raw.equals(raw.getFileSystem().getPath(name));
        read(entry, name, readable).ifPresent(entries::add);
      }
    }
    return entries;
  }

  /** What has {@code name} in this folder, a link itself rather than its target. */
  public Optional<NasEntry> entry(String name) throws IOException {
    return read(at(name), name, true);
  }

  /** Opens the regular file {@code name} for reading; a link is refused. */
  public FileChannel openRead(String name) throws IOException {
    return FileChannel.open(at(name), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Creates the new file {@code name}, readable as the folder is, and opens it for writing; fails
   * if anything, a link included, has the name already.
   */
  public FileChannel createFile(String name) throws IOException {
    var file = at(name);
    var channel =
        FileChannel.open(
            file,
            Set.of(
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    try {
      shareAsFolder(file);
      return channel;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Writes {@code text} to {@code name} at once: a reader sees the old file or the new one, a link
   * under that name is replaced, never followed.
   */
  public void writeText(String name, String text) throws IOException {
    segment(name);
    var temp = ".ferry-" + UUID.randomUUID() + ".tmp";
    try {
      try (var channel = createFile(temp)) {
        var bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      rename(temp, this, name);
    } finally {
      delete(temp);
    }
  }

  /** The first {@code maxBytes} of the regular file {@code name} as text, if it is there. */
  public Optional<String> readText(String name, int maxBytes) throws IOException {
    try (var channel = openRead(name)) {
      var buffer = ByteBuffer.allocate(maxBytes);
      while (buffer.hasRemaining() && channel.read(buffer) > 0) {
        // read until full or at the end
      }
      return Optional.of(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Renames {@code from} here to {@code to} in {@code target}, replacing what {@code to} was. */
  public void rename(String from, NasFolder target, String to) throws IOException {
    try {
      LinuxCalls.C.renameat(fd, bytes(segment(from)), target.fd, bytes(segment(to)));
    } catch (LastErrorException e) {
      throw failure(e, shownAs.resolve(from), target.shownAs.resolve(to));
    }
  }

  /**
   * Moves {@code from} here to {@code to} in {@code target} only if nothing has that name there.
   *
   * @throws FileAlreadyExistsException if something, a link included, has the name {@code to}
   */
  public void moveNoReplace(String from, NasFolder target, String to) throws IOException {
    var fromName = bytes(segment(from));
    var toName = bytes(segment(to));
    try {
      LinuxCalls.C.renameat2(fd, fromName, target.fd, toName, LinuxCalls.RENAME_NOREPLACE);
      return;
    } catch (LastErrorException e) {
      if (!unsupported(e)) {
        throw failure(e, shownAs.resolve(from), target.shownAs.resolve(to));
      }
    } catch (UnsatisfiedLinkError e) {
      // A C library without renameat2: link and unlink below do the same.
    }
    // File systems without RENAME_NOREPLACE (NFS): link(2) refuses an existing name as well.
    try {
      LinuxCalls.C.linkat(fd, fromName, target.fd, toName, 0);
      LinuxCalls.C.unlinkat(fd, fromName, 0);
    } catch (LastErrorException e) {
      throw failure(e, shownAs.resolve(from), target.shownAs.resolve(to));
    }
  }

  /** Deletes the file or link {@code name}; true if it was there. */
  public boolean delete(String name) throws IOException {
    try {
      LinuxCalls.C.unlinkat(fd, bytes(segment(name)), 0);
      return true;
    } catch (LastErrorException e) {
      if (e.getErrorCode() == LinuxCalls.ENOENT) {
        return false;
      }
      throw failure(e, shownAs.resolve(name), null);
    }
  }

  /** Deletes the empty folder {@code name}; true if it was there. */
  public boolean deleteFolder(String name) throws IOException {
    try {
      LinuxCalls.C.unlinkat(fd, bytes(segment(name)), LinuxCalls.AT_REMOVEDIR);
      return true;
    } catch (LastErrorException e) {
      if (e.getErrorCode() == LinuxCalls.ENOENT) {
        return false;
      }
      throw failure(e, shownAs.resolve(name), null);
    }
  }

  /** Sets the modification time of {@code name} (not of a link's target). */
  public void touch(String name, FileTime time) throws IOException {
    Files.getFileAttributeView(at(name), PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .setTimes(time, null, null);
  }

  /** Makes the renames in this folder durable, so a crash cannot bring back the old state. */
  public void sync() throws IOException {
    try (var channel = FileChannel.open(self, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  @Override
  public void close() throws IOException {
    if (closed.compareAndSet(false, true)) {
      try {
        LinuxCalls.C.close(fd);
      } catch (LastErrorException e) {
        throw failure(e, shownAs, null);
      }
    }
  }

  @Override
  public String toString() {
    return shownAs.toString();
  }

  /** The entry {@code name} through this folder's descriptor. */
  private Path at(String name) {
    return self.resolve(segment(name));
  }

  /**
   * Gives a file Ferry created the folder's group and the folder's read bits: owner read and write,
   * group and others read where they may read the folder. The owner stays the service's user.
   */
  private void shareAsFolder(Path file) throws IOException {
    var folder = Files.readAttributes(self, PosixFileAttributes.class);
    var permissions = EnumSet.copyOf(OWNER_ONLY);
    if (folder.permissions().contains(PosixFilePermission.GROUP_READ)) {
      permissions.add(PosixFilePermission.GROUP_READ);
    }
    if (folder.permissions().contains(PosixFilePermission.OTHERS_READ)) {
      permissions.add(PosixFilePermission.OTHERS_READ);
    }
    var view =
        Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (!view.readAttributes().group().equals(folder.group())) {
      try {
        view.setGroup(folder.group());
      } catch (FileSystemException notAMember) {
        // The service's user is not in the folder's group: the file keeps the user's group.
      }
    }
    view.setPermissions(permissions);
  }

  private static Optional<NasEntry> read(Path entry, String name, boolean nameReadable)
      throws IOException {
    Map<String, Object> attributes;
    try {
      attributes = Files.readAttributes(entry, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException gone) {
      return Optional.empty();
    }
    NasEntry.Kind kind;
    if ((Boolean) attributes.get("isRegularFile")) {
      kind = NasEntry.Kind.FILE;
    } else if ((Boolean) attributes.get("isDirectory")) {
      kind = NasEntry.Kind.FOLDER;
    } else if ((Boolean) attributes.get("isSymbolicLink")) {
      kind = NasEntry.Kind.LINK;
    } else {
      kind = NasEntry.Kind.OTHER;
    }
    return Optional.of(
        new NasEntry(
            name,
            nameReadable,
            kind,
            (Long) attributes.get("size"),
            ((FileTime) attributes.get("lastModifiedTime")).toInstant(),
            ((FileTime) attributes.get("ctime")).toInstant(),
            attributes.get("fileKey"),
            ((Number) attributes.get("nlink")).intValue()));
  }

  /** A name must be one plain path segment: never a path, never {@code .} or {@code ..}. */
  private static String segment(String name) {
    if (name == null
        || name.isEmpty()
        || name.equals(".")
        || name.equals("..")
        || name.indexOf('/') >= 0
        || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("not a plain file name: " + name);
    }
    return name;
  }

  private static byte[] bytes(String name) {
    var encoded = name.getBytes(NAMES);
    var terminated = new byte[encoded.length + 1];
    System.arraycopy(encoded, 0, terminated, 0, encoded.length);
    return terminated;
  }

  private static boolean unsupported(LastErrorException e) {
    var errno = e.getErrorCode();
    return errno == LinuxCalls.EINVAL
        || errno == LinuxCalls.ENOSYS
        || errno == LinuxCalls.EOPNOTSUPP;
  }

  private static IOException failure(LastErrorException e, Path file, Path other) {
    var one = String.valueOf(file);
    var two = other == null ? null : other.toString();
    return switch (e.getErrorCode()) {
      case LinuxCalls.ENOENT -> new NoSuchFileException(one, two, null);
      case LinuxCalls.EEXIST -> new FileAlreadyExistsException(one, two, null);
      case LinuxCalls.ENOTDIR -> new NotDirectoryException(one);
      case LinuxCalls.EACCES, LinuxCalls.EPERM -> new AccessDeniedException(one, two, null);
      case LinuxCalls.ENOTEMPTY -> new DirectoryNotEmptyException(one);
      default -> new FileSystemException(one, two, errorText(e));
    };
  }

  private static String errorText(LastErrorException e) {
    return switch (e.getErrorCode()) {
      case LinuxCalls.ENOSPC -> "No space left on device";
      case LinuxCalls.ENAMETOOLONG -> "File name too long";
      case LinuxCalls.EDQUOT -> "Disk quota exceeded";
      case LinuxCalls.ELOOP -> "a symbolic link";
      case LinuxCalls.EISDIR -> "a folder";
      case LinuxCalls.EXDEV -> "on another file system";
      default -> "error " + e.getErrorCode();
    };
  }

  /** Java encodes file names with the platform's charset; the Linux calls must use the same. */
  private static Charset namesCharset() {
    var name = System.getProperty("sun.jnu.encoding");
    try {
      return name == null ? Charset.defaultCharset() : Charset.forName(name);
    } catch (RuntimeException e) {
      return Charset.defaultCharset();
    }
  }
}
