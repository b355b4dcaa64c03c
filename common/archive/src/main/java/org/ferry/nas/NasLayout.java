package org.ferry.nas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.ImageName;
import org.ferry.image.Team;

/**
 * Where a team's files live on the NAS, and the one way into them: a team's folders are opened from
 * the NAS root down, one {@link NasFolder} per level, never following a link, and used only through
 * that handle. Paths returned here are for messages, never for access.
 */
public final class NasLayout {

  public static final String PUSH_IMAGES = "push-images";
  public static final String EXPORTED_IMAGES = "exported-images";
  static final String CLAIMS = "claims";

  private final Path root;
  private final Path workDir;

  /**
   * @param root the NAS root that holds one folder per team
   * @param workDir Ferry's own folder on the same file system (claims, temporary files); teams
   *     cannot reach it
   */
  public NasLayout(Path root, Path workDir) {
    this.root = root.toAbsolutePath().normalize();
    this.workDir = workDir.toAbsolutePath().normalize();
  }

  public static NasLayout under(Path root) {
    return new NasLayout(root, root.resolve(".ferry"));
  }

  public Path root() {
    return root;
  }

  public Path workDir() {
    return workDir;
  }

  /** The teams that have a folder on the NAS (folders whose name is a valid team name). */
  public List<Team> teams() {
    var teams = new ArrayList<Team>();
    try (var nas = NasFolder.openConfigured(root)) {
      for (var entry : nas.list()) {
        if (entry.isFolder() && entry.nameReadable() && ImageName.isValid(entry.name())) {
          teams.add(Team.of(entry.name()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the NAS root " + root, e);
    }
    teams.sort(Comparator.comparing(Team::value));
    return teams;
  }

  /** Opens {@code <team>/push-images}; the caller closes it. */
  public NasFolder openPushImages(Team team) {
    return openTeamFolder(team, PUSH_IMAGES);
  }

  /** Opens {@code <team>/exported-images}; the caller closes it. */
  public NasFolder openExportedImages(Team team) {
    return openTeamFolder(team, EXPORTED_IMAGES);
  }

  /** {@code <team>/push-images}, for messages. */
  public Path pushImagesPath(Team team) {
    return root.resolve(team.value()).resolve(PUSH_IMAGES);
  }

  /** The file name of an export: {@code <name>.tar.gz}. */
  public static String exportFileName(ImageName name) {
    return name.value() + ".tar.gz";
  }

  /** Ferry's folder for the claims of one team: Ferry's own, so teams cannot reach it. */
  public Path claimsFolder(Team team) {
    return workDir.resolve(CLAIMS).resolve(team.value());
  }

  /** Opens Ferry's claims folder of {@code team}, creating it on first use. */
  NasFolder openClaims(Team team) throws IOException {
    try (var work = NasFolder.openConfigured(createdWorkDir());
        var claims = work.createFolder(CLAIMS)) {
      return claims.createFolder(team.value());
    }
  }

  /**
   * Ferry's own folder, created owner-only: claimed archives must stay out of every team's reach.
   */
  private Path createdWorkDir() throws IOException {
    if (!Files.isDirectory(workDir)) {
      Files.createDirectories(
          workDir,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    return workDir;
  }

  private NasFolder openTeamFolder(Team team, String name) {
    var shown = root.relativize(root.resolve(team.value()).resolve(name));
    try (var nas = NasFolder.openConfigured(root);
        var teamFolder = nas.folder(team.value())) {
      return teamFolder.folder(name);
    } catch (NotDirectoryException e) {
      throw new PermanentFailure(
          "use the folder " + shown,
          "it or its team folder is a symbolic link or not a folder, and Ferry does not follow"
              + " links on the NAS",
          "Replace the link with a real folder.",
          ReasonCodes.FORBIDDEN,
          e);
    } catch (NoSuchFileException e) {
      throw new PermanentFailure(
          "use the folder " + shown,
          "it does not exist",
          "Ask the operators to create the team's NAS folders.",
          ReasonCodes.NOT_FOUND,
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not open " + shown, e);
    }
  }
}
