package org.ferry.nas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;

/**
 * Takes archives out of a team's {@code push-images} before anyone reads them, and gives them back
 * with an {@code .error} note when their push fails.
 *
 * <p>The rename into Ferry's own folder is what makes an archive "taken": it cannot change under a
 * running push, it is never published twice, and a link or hard link planted by a user is checked
 * after the rename, when the user can no longer swap it. Claims are keyed by operation id, so a
 * redelivered request finds its archive again.
 */
public final class ArchiveClaims {

  public static final String ERROR_SUFFIX = ".error";
  private static final String SUCCEEDED_MARKER = ".succeeded";

  private final NasLayout layout;

  public ArchiveClaims(NasLayout layout) {
    this.layout = layout;
  }

  /**
   * Claims {@code <team>/push-images/<file>} for {@code operationId}, or returns the claim that
   * operation already holds.
   */
  public Claim claim(Team team, FileName file, OperationId operationId) {
    var existing = find(team, operationId);
    if (existing.isPresent()) {
      return existing.get();
    }
    var source = layout.pushArchive(team, file);
    var folder = claimFolder(team, operationId);
    var target = folder.resolve(file.value());
    try {
      Files.createDirectories(folder);
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      deleteQuietly(folder);
      var holder = claimedBy(team, file);
      throw new PermanentFailure(
          "push " + file,
          holder.isPresent()
              ? "it is already being pushed by operation " + holder.get()
              : "there is no such file in " + team + "/" + NasLayout.PUSH_IMAGES,
          holder.isPresent()
              ? "Wait for that operation to finish."
              : "Copy the archive into " + team + "/" + NasLayout.PUSH_IMAGES + " and try again.",
          holder.isPresent() ? ReasonCodes.CONFLICT : ReasonCodes.NOT_FOUND);
    } catch (AtomicMoveNotSupportedException e) {
      deleteQuietly(folder);
      throw new IllegalStateException(
          "Ferry's work folder " + layout.workDir() + " must be on the NAS file system", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var claim = new Claim(team, operationId, file, target);
    rejectLinks(claim);
    return claim;
  }

  /** The claim {@code operationId} holds, if it holds one. */
  public Optional<Claim> find(Team team, OperationId operationId) {
    var folder = claimFolder(team, operationId);
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(path -> !path.getFileName().toString().startsWith("."))
          .findFirst()
          .map(
              path ->
                  new Claim(team, operationId, FileName.of(path.getFileName().toString()), path));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The operation that holds {@code file} of {@code team}, if one does. */
  public Optional<OperationId> claimedBy(Team team, FileName file) {
    try (Stream<Path> folders = Files.list(layout.claimsFolder(team))) {
      return folders
          .filter(folder -> Files.exists(folder.resolve(file.value()), LinkOption.NOFOLLOW_LINKS))
          .map(folder -> OperationId.of(folder.getFileName().toString()))
          .findFirst();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Gives the archive back to the team: it returns to {@code push-images} unchanged and {@code
   * <file>.error} beside it says why. If the user dropped a new file under the same name meanwhile,
   * theirs stays and ours is kept as {@code <file>.failed-<operation>}.
   */
  public void release(Claim claim, String errorMessage) {
    try {
      var folder = layout.pushImages(claim.team());
      var target = folder.resolve(claim.file().value());
      try {
        Files.move(claim.archive(), target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        target = folder.resolve(claim.file() + ".failed-" + claim.operationId());
        Files.move(claim.archive(), target, StandardCopyOption.ATOMIC_MOVE);
      } catch (NoSuchFileException e) {
        // Already given back by an earlier delivery of the same request.
      }
      writeError(claim.team(), claim.file(), errorMessage);
      deleteQuietly(claimFolder(claim.team(), claim.operationId()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Undoes a claim whose request was never sent (the broker did not confirm it): the archive goes
   * back to {@code push-images} as it was, without an {@code .error} note, because nothing was
   * tried. A file the team dropped under the same name meanwhile stays; ours is kept as {@code
   * <file>.failed-<operation>}.
   */
  public void unclaim(Claim claim) {
    try {
      var folder = layout.pushImages(claim.team());
      var target = folder.resolve(claim.file().value());
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        target = folder.resolve(claim.file() + ".failed-" + claim.operationId());
      }
      Files.move(claim.archive(), target, StandardCopyOption.ATOMIC_MOVE);
      deleteQuietly(claimFolder(claim.team(), claim.operationId()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Marks the operation done: the archive is deleted, an old {@code .error} note goes, and the
   * result is kept so that a redelivered request can answer with it.
   */
  public void complete(Claim claim, String result) {
    try {
      var folder = claimFolder(claim.team(), claim.operationId());
      writeAtomically(folder, folder.resolve(SUCCEEDED_MARKER), result);
      Files.deleteIfExists(claim.archive());
      Files.deleteIfExists(layout.pushImages(claim.team()).resolve(claim.file() + ERROR_SUFFIX));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The result recorded by {@link #complete}, for a request delivered again after it succeeded. */
  public Optional<String> completedResult(Team team, OperationId operationId) {
    var marker = claimFolder(team, operationId).resolve(SUCCEEDED_MARKER);
    try {
      return Optional.of(Files.readString(marker, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code <file>.error} in the team's {@code push-images}, replacing (never following) any
   * link there.
   */
  public void writeError(Team team, FileName file, String message) {
    var folder = layout.pushImages(team);
    writeAtomically(folder, folder.resolve(file + ERROR_SUFFIX), message + "\n");
  }

  /** Removes the records of completed operations older than {@code age}. */
  public void forgetCompletedOlderThan(Duration age) {
    var limit = Instant.now().minus(age);
    var claims = layout.workDir().resolve("claims");
    try (Stream<Path> markers =
        Files.find(claims, 3, (path, attrs) -> path.endsWith(SUCCEEDED_MARKER))) {
      markers
          .filter(marker -> lastModified(marker).isBefore(limit))
          .forEach(marker -> deleteQuietly(marker.getParent()));
    } catch (NoSuchFileException e) {
      // Nothing completed yet.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void rejectLinks(Claim claim) {
    try {
      var attributes =
          Files.readAttributes(claim.archive(), "unix:mode,nlink", LinkOption.NOFOLLOW_LINKS);
      var isLink = Files.isSymbolicLink(claim.archive());
      var isRegular = Files.isRegularFile(claim.archive(), LinkOption.NOFOLLOW_LINKS);
      var links = ((Number) attributes.get("nlink")).intValue();
      if (isLink || !isRegular || links > 1) {
        var reason =
            isLink
                ? "it is a symbolic link"
                : !isRegular
                    ? "it is not a regular file"
                    : "it is a hard link (" + links + " names)";
        var failure =
            new PermanentFailure(
                "push " + claim.file(),
                reason + ", and Ferry only reads regular files the team copied in",
                "Copy the archive itself into " + NasLayout.PUSH_IMAGES + " instead of linking it.",
                ReasonCodes.BAD_ARCHIVE);
        release(claim, failure.getMessage());
        throw failure;
      }
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: links cannot be told apart there, and none can be made either.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path claimFolder(Team team, OperationId operationId) {
    return layout.claimsFolder(team).resolve(operationId.value());
  }

  private static void writeAtomically(Path folder, Path target, String text) {
    try {
      var temp = Files.createTempFile(folder, ".ferry-", ".tmp");
      try {
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Instant lastModified(Path path) {
    try {
      return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant();
    } catch (IOException e) {
      return Instant.now();
    }
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover empty claim folder is harmless; the next sweep removes it.
    }
  }
}
