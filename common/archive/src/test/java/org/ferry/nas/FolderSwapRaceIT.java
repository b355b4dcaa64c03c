package org.ferry.nas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.ferry.contract.FileName;
import org.ferry.failure.PermanentFailure;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.ferry.testing.FolderSnapshot;
import org.ferry.testing.FolderSwapper;
import org.ferry.testing.FolderWatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * team-a exchanges its {@code push-images} with a link to team-b's, again and again, while Ferry
 * lists, claims, gives back and writes notes in team-a's folder: nothing of team-b's may be listed,
 * claimed or written, and inotify must see no event at all in team-b's folder.
 */
class FolderSwapRaceIT {

  private static final int ROUNDS = 400;

  @TempDir Path nas;

  private final Team teamA = Team.of("team-a");
  private Path pushA;
  private Path pushB;
  private ArchiveClaims claims;
  private NasLayout layout;

  @BeforeEach
  void folders() throws IOException {
    pushA = Files.createDirectories(nas.resolve("team-a/push-images"));
    pushB = Files.createDirectories(nas.resolve("team-b/push-images"));
    for (int i = 0; i < ROUNDS; i++) {
      Files.writeString(pushA.resolve("a-" + i + ".tar.gz"), "team-a archive " + i);
    }
    // team-b holds archives under the very names team-a's operations ask for.
    for (int i = 0; i < ROUNDS; i++) {
      Files.writeString(pushB.resolve("a-" + i + ".tar.gz"), "team-b secret " + i);
    }
    Files.writeString(pushB.resolve("b-private.tar.gz"), "team-b private");
    layout = NasLayout.under(nas);
    claims = new ArchiveClaims(layout);
  }

  @Test
  void aTeamSwappingItsFolderForALinkNeverMakesFerryTouchAnotherTeamsFolder() throws Exception {
    var before = FolderSnapshot.of(pushB);
    var listed = new ArrayList<String>();
    var counts = new TreeMap<String, Integer>();
    var stranded = new ArrayList<org.ferry.nas.Claim>();

    try (var watch = FolderWatch.start(nas.resolve("team-b"));
        var swapper = FolderSwapper.start(pushA, pushB)) {
      for (int i = 0; i < ROUNDS; i++) {
        attempt(counts, "list", () -> listInto(listed));
        var file = FileName.of("a-" + i + ".tar.gz");
        var operation = OperationId.of("op-" + i);
        var claimed = attempt(counts, "claim", () -> claims.claim(teamA, file, operation));
        if (claimed != null) {
          assertThat(claimed.archive()).content().startsWith("team-a archive");
          var gaveBack =
              attempt(
                  counts,
                  "release",
                  () -> {
                    claims.release(claimed, "Could not push " + file + ": round " + "test.");
                    return claimed;
                  });
          if (gaveBack == null) {
            stranded.add(claimed);
          }
        }
        attempt(
            counts,
            "error-note",
            () -> {
              claims.writeError(teamA, file, "Could not push " + file + ": a note.");
              return file;
            });
      }
      counts.put("swaps", (int) swapper.swaps());
      swapper.close();
      var events = watch.eventsBeforeMarker(nas.resolve("team-b"));

      assertThat(events).as("inotify events in team-b caused by Ferry").isEmpty();
    }

    System.out.println("Folder swap race: " + counts);
    assertThat(counts.get("swaps")).as("exchanges that really happened").isGreaterThan(ROUNDS);
    assertThat(counts).containsKeys("list.refused", "list.ok", "claim.ok", "error-note.ok");
    assertThat(counts.getOrDefault("claim.refused", 0) + counts.getOrDefault("list.refused", 0))
        .as("operations that met the link")
        .isPositive();
    assertThat(listed).allSatisfy(name -> assertThat(name).doesNotContain("b-private"));
    assertThat(FolderSnapshot.of(pushB)).isEqualTo(before);
    for (var claim : stranded) {
      claims.release(claim, "Could not push it: given back after the attack.");
      assertThat(pushA.resolve(claim.file().value())).content().startsWith("team-a archive");
    }
  }

  private String listInto(ArrayList<String> listed) throws IOException {
    try (var folder = layout.openPushImages(teamA)) {
      for (var entry : folder.list()) {
        listed.add(entry.name());
        if (entry.isFile() && entry.name().endsWith(".tar.gz")) {
          assertThat(folder.readText(entry.name(), 100).orElse("")).doesNotStartWith("team-b");
        }
      }
    }
    return "listed";
  }

  /** Runs one operation; a refusal because of the link is counted, any other failure fails. */
  private static <T> T attempt(Map<String, Integer> counts, String what, Step<T> step)
      throws Exception {
    try {
      var result = step.run();
      counts.merge(what + ".ok", 1, Integer::sum);
      return result;
    } catch (PermanentFailure refused) {
      assertThat(refused.getMessage()).containsAnyOf("symbolic link", "no such file");
      counts.merge(what + ".refused", 1, Integer::sum);
      return null;
    }
  }

  /** One step of the race. */
  private interface Step<T> {
    T run() throws Exception;
  }
}
