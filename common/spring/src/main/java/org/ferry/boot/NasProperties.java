package org.ferry.boot;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the NAS is: {@code root} holds one folder per team; {@code workDir} is Ferry's own folder
 * on the same file system (default {@code <root>/.ferry}).
 */
@ConfigurationProperties("ferry.nas")
public record NasProperties(Path root, Path workDir) {

  public NasProperties {
    root = root == null ? Path.of("var/nas") : root;
    workDir = workDir == null ? root.resolve(".ferry") : workDir;
  }
}
