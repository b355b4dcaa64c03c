package org.ferry.nas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.ImageName;
import org.ferry.image.Team;

/**
 * Where a team's files live on the NAS. Every path is built here from validated parts, under the
 * team's own folder, and no folder on the way may be a symbolic link.
 */
public final class NasLayout {

  public static final String PUSH_IMAGES = "push-images";
  public static final String EXPORTED_IMAGES = "exported-images";

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
    try (var entries = Files.newDirectoryStream(root)) {
      for (var entry : entries) {
        var name = entry.getFileName().toString();
        if (org.ferry.image.ImageName.isValid(name)
            && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          teams.add(Team.of(name));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the NAS root " + root, e);
    }
    teams.sort((a, b) -> a.value().compareTo(b.value()));
    return teams;
  }

  public Path teamFolder(Team team) {
    return checkedFolder(root.resolve(team.value()));
  }

  public Path pushImages(Team team) {
    return checkedFolder(teamFolder(team).resolve(PUSH_IMAGES));
  }

  public Path exportedImages(Team team) {
    return checkedFolder(teamFolder(team).resolve(EXPORTED_IMAGES));
  }

  /** {@code <team>/push-images/<file>}; the file itself is not checked here. */
  public Path pushArchive(Team team, FileName file) {
    return pushImages(team).resolve(file.value());
  }

  /** {@code <team>/exported-images/<name>.tar.gz}. */
  public Path exportArchive(Team team, ImageName name) {
    return exportedImages(team).resolve(name.value() + ".tar.gz");
  }

  /** Ferry's folder for the claims of one team, created on demand. */
  public Path claimsFolder(Team team) {
    return workDir.resolve("claims").resolve(team.value());
  }

  private Path checkedFolder(Path folder) {
    if (Files.isSymbolicLink(folder)) {
      throw new PermanentFailure(
          "use the folder " + root.relativize(folder),
          "it is a symbolic link, and Ferry does not follow links on the NAS",
          "Replace the link with a real folder.",
          ReasonCodes.FORBIDDEN);
    }
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      throw new PermanentFailure(
          "use the folder " + root.relativize(folder),
          "it does not exist",
          "Ask the operators to create the team's NAS folders.",
          ReasonCodes.NOT_FOUND);
    }
    return folder;
  }
}
