package org.ferry.nas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ferry.contract.FileName;
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
 *
 * <p>Everything done in a team's folder goes through a {@link NasFolder} opened without following
 * links: a team that swaps its folders for links to another team's can confuse only itself. Ferry's
 * own folder is out of every team's reach and is used by path.
 */
public final class ArchiveClaims {

  public static final String ERROR_SUFFIX = ".error";
  private static final String SUCCEEDED_MARKER = ".succeeded";
  private static final String ABANDONED_MARKER = ".abandoned";
  private static final String LEASE = ".lease";

  private final NasLayout layout;
  private final Clock clock;

  public ArchiveClaims(NasLayout layout) {
    this(layout, Clock.systemUTC());
  }

  public ArchiveClaims(NasLayout layout, Clock clock) {
    this.layout = layout;
    this.clock = clock;
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
    try (var pushImages = layout.openPushImages(team);
        var claims = layout.openClaims(team);
        var folder = claims.createFolder(operationId.value())) {
      try {
        pushImages.moveNoReplace(file.value(), folder, file.value());
      } catch (NoSuchFileException e) {
        claims.deleteFolder(operationId.value());
        throw notThere(team, file);
      } catch (FileSystemException e) {
        claims.deleteFolder(operationId.value());
        if (e instanceof FileAlreadyExistsException) {
          throw new IllegalStateException("the claim folder of " + operationId + " is not empty");
        }
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not claim "
              + file
              + " (Ferry's work folder "
              + layout.workDir()
              + " must be on"
              + " the NAS file system)",
          e);
    }
    var claim =
        new Claim(team, operationId, file, claimFolder(team, operationId).resolve(file.value()));
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
    giveBack(claim, Optional.of(errorMessage));
  }

  /**
   * Gives the archive back to the team without an {@code .error} note, for a claim whose request
   * could not be sent (the broker was down): nothing failed, so the archive is simply eligible
   * again. If the user dropped a new file under the same name meanwhile, theirs stays and ours is
   * kept as {@code <file>.failed-<operation>}.
   */
  public void unclaim(Claim claim) {
    giveBack(claim, Optional.empty());
  }

  /**
   * Marks the operation done: the archive is deleted, an old {@code .error} note goes, and the
   * result is kept so that a redelivered request can answer with it.
   */
  public void complete(Claim claim, String result) {
    try {
      var folder = claimFolder(claim.team(), claim.operationId());
      writeOwn(folder, SUCCEEDED_MARKER, result);
      Files.deleteIfExists(claim.archive());
      try (var pushImages = layout.openPushImages(claim.team())) {
        pushImages.delete(claim.file() + ERROR_SUFFIX);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The result recorded by {@link #complete}, for a request delivered again after it succeeded. */
  public Optional<String> completedResult(Team team, OperationId operationId) {
    return readOwn(claimFolder(team, operationId).resolve(SUCCEEDED_MARKER));
  }

  /**
   * Why the claim of {@code operationId} was given back by {@link #giveBackStale}, for a request
   * delivered after that: it must not take the archive a second time.
   */
  public Optional<String> abandonedReason(Team team, OperationId operationId) {
    return readOwn(claimFolder(team, operationId).resolve(ABANDONED_MARKER));
  }

  /**
   * Says that the operation holding {@code claim} is alive; a claim nobody renews is given back by
   * {@link #giveBackStale} once it is older than the stale age.
   */
  public void renewLease(Claim claim) {
    var lease = claimFolder(claim.team(), claim.operationId()).resolve(LEASE);
    try {
      try {
        Files.createFile(lease);
      } catch (FileAlreadyExistsException e) {
        // Renewed before: only its time moves.
      }
      Files.setLastModifiedTime(lease, FileTime.from(clock.instant()));
    } catch (NoSuchFileException e) {
      // The claim was given back or completed meanwhile: there is nothing to keep alive.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Gives back every claim that has neither a result nor a renewed lease for {@code age}: its
   * request never reached a worker, or the worker died. The archive returns with an {@code .error}
   * note, and the operation is marked abandoned so that a late delivery does not claim it again.
   *
   * @return the claims given back
   */
  public List<Claim> giveBackStale(Duration age) {
    var limit = clock.instant().minus(age);
    var givenBack = new ArrayList<Claim>();
    for (var claim : unfinishedClaims()) {
      var folder = claimFolder(claim.team(), claim.operationId());
      var lastSign =
          Stream.of(folder, folder.resolve(LEASE))
              .map(ArchiveClaims::lastModified)
              .flatMap(Optional::stream)
              .max(Comparator.naturalOrder());
      if (lastSign.isEmpty() || !lastSign.get().isBefore(limit)) {
        continue;
      }
      var reason =
          "Could not push "
              + claim.file()
              + ": no worker finished it within "
              + (age.toMinutes() > 0 ? age.toMinutes() + " minutes" : age.toSeconds() + " seconds")
              + " (operation "
              + claim.operationId()
              + "), so Ferry gave it back. Touch the archive or delete this note to push it again;"
              + " tell the operators if this repeats.";
      try {
        giveBack(claim, Optional.of(reason), false);
        writeOwn(folder, ABANDONED_MARKER, reason);
        givenBack.add(claim);
      } catch (RuntimeException e) {
        // One team's broken folder must not stop the others; the next sweep tries again.
      }
    }
    return givenBack;
  }

  /**
   * Writes {@code <file>.error} in the team's {@code push-images}, replacing (never following) any
   * link there.
   */
  public void writeError(Team team, FileName file, String message) {
    try (var pushImages = layout.openPushImages(team)) {
      pushImages.writeText(file + ERROR_SUFFIX, message + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes the records of finished operations (succeeded or abandoned) older than {@code age}. */
  public void forgetCompletedOlderThan(Duration age) {
    var limit = clock.instant().minus(age);
    var claims = layout.workDir().resolve(NasLayout.CLAIMS);
    try (Stream<Path> markers =
        Files.find(
            claims,
            3,
            (path, attrs) -> path.endsWith(SUCCEEDED_MARKER) || path.endsWith(ABANDONED_MARKER))) {
      markers
          .filter(marker -> lastModified(marker).map(time -> time.isBefore(limit)).orElse(false))
          .forEach(marker -> deleteQuietly(marker.getParent()));
    } catch (NoSuchFileException e) {
      // Nothing completed yet.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void giveBack(Claim claim, Optional<String> errorMessage) {
    giveBack(claim, errorMessage, true);
  }

  private void giveBack(Claim claim, Optional<String> errorMessage, boolean forget) {
    var folder = claimFolder(claim.team(), claim.operationId());
    try (var pushImages = layout.openPushImages(claim.team());
        var own = NasFolder.openConfigured(folder)) {
      var name = claim.file().value();
      try {
        own.moveNoReplace(name, pushImages, name);
      } catch (FileAlreadyExistsException e) {
        own.moveNoReplace(
            name, pushImages, claim.file().withSuffixFitting(".failed-" + claim.operationId()));
      } catch (NoSuchFileException e) {
        // Already given back by an earlier delivery of the same request.
      }
      if (errorMessage.isPresent()) {
        pushImages.writeText(claim.file() + ERROR_SUFFIX, errorMessage.get() + "\n");
      }
    } catch (NoSuchFileException e) {
      // The claim folder is gone: an earlier delivery gave the archive back and cleaned up.
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (forget) {
      deleteQuietly(folder);
    }
  }

  private List<Claim> unfinishedClaims() {
    var claims = new ArrayList<Claim>();
    var root = layout.workDir().resolve(NasLayout.CLAIMS);
    try (Stream<Path> teams = Files.list(root)) {
      for (var teamFolder : (Iterable<Path>) teams::iterator) {
        var teamName = teamFolder.getFileName().toString();
        if (!org.ferry.image.ImageName.isValid(teamName)) {
          continue;
        }
        var team = Team.of(teamName);
        try (Stream<Path> operations = Files.list(teamFolder)) {
          for (var operation : (Iterable<Path>) operations::iterator) {
            if (Files.exists(operation.resolve(SUCCEEDED_MARKER))
                || Files.exists(operation.resolve(ABANDONED_MARKER))
                || !OperationId.isValid(operation.getFileName().toString())) {
              continue;
            }
            find(team, OperationId.of(operation.getFileName().toString())).ifPresent(claims::add);
          }
        }
      }
    } catch (NoSuchFileException e) {
      // No claims yet.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return claims;
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

  private PermanentFailure notThere(Team team, FileName file) {
    var holder = claimedBy(team, file);
    return new PermanentFailure(
        "push " + file,
        holder.isPresent()
            ? "it is already being pushed by operation " + holder.get()
            : "there is no such file in " + team + "/" + NasLayout.PUSH_IMAGES,
        holder.isPresent()
            ? "Wait for that operation to finish."
            : "Copy the archive into " + team + "/" + NasLayout.PUSH_IMAGES + " and try again.",
        holder.isPresent() ? ReasonCodes.CONFLICT : ReasonCodes.NOT_FOUND);
  }

  private Path claimFolder(Team team, OperationId operationId) {
    return layout.claimsFolder(team).resolve(operationId.value());
  }

  /** Writes a record in Ferry's own folder, all at once. */
  private static void writeOwn(Path folder, String name, String text) {
    try {
      var temp = Files.createTempFile(folder, ".ferry-", ".tmp");
      try {
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(
            temp,
            folder.resolve(name),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> readOwn(Path record) {
    try {
      return Optional.of(Files.readString(record, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Instant> lastModified(Path path) {
    try {
      return Optional.of(Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant());
    } catch (IOException e) {
      return Optional.empty();
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
