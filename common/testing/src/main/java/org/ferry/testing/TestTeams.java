package org.ferry.testing;

import java.util.concurrent.ThreadLocalRandom;
import org.ferry.image.Team;

/** Team names no other test run uses, so runs can share one registry. */
public final class TestTeams {

  private TestTeams() {}

  /** {@code <prefix>-<6 random lowercase letters and digits>}. */
  public static Team unique(String prefix) {
    var alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    var suffix = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      suffix.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
    }
    return Team.of(prefix + "-" + suffix);
  }
}
