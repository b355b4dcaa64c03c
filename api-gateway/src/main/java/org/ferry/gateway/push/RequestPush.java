package org.ferry.gateway.push;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.ferry.contract.FileName;
import org.ferry.contract.PushRequested;
import org.ferry.failure.InvalidValue;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.gateway.account.Caller;
import org.ferry.gateway.operation.SendRequest;
import org.ferry.gateway.web.NameAndTag;
import org.ferry.gateway.web.Problems;
import org.ferry.image.Team;
import org.ferry.nas.ArchiveClaims;
import org.ferry.nas.Claim;
import org.ferry.nas.NasEntry;
import org.ferry.nas.NasLayout;
import org.ferry.operation.OperationId;
import org.springframework.stereotype.Service;

/**
 * Starts a push of an archive in the team's {@code push-images}. The gateway claims the archive
 * itself before publishing, so the NAS watcher cannot push it a second time; if the broker does not
 * take the request, the archive is given back untouched.
 */
@Service
class RequestPush {

  private final NasLayout nas;
  private final ArchiveClaims claims;
  private final SendRequest send;
  private final Clock clock;

  RequestPush(NasLayout nas, ArchiveClaims claims, SendRequest send, Clock clock) {
    this.nas = nas;
    this.claims = claims;
    this.send = send;
    this.clock = clock;
  }

  OperationId request(Caller caller, Team team, String file, String image) {
    var fileName = archiveName(file);
    var target = NameAndTag.parse("image", image);
    refuseIfClaimed(team, fileName);
    if (!isRegularFile(team, fileName)) {
      throw new InvalidValue(
          "file",
          file,
          "the name of an archive in "
              + team
              + "/"
              + NasLayout.PUSH_IMAGES
              + " (refresh the list)");
    }
    var id = OperationId.random();
    var claim = claim(team, fileName, id);
    var request =
        new PushRequested(
            id,
            team,
            clock.instant(),
            caller.username(),
            caller.source(),
            fileName,
            target.name(),
            target.tag());
    try {
      send.send(request);
    } catch (RuntimeException notSent) {
      claims.unclaim(claim);
      throw notSent;
    }
    return id;
  }

  private boolean isRegularFile(Team team, FileName file) {
    try (var folder = nas.openPushImages(team)) {
      return folder.entry(file.value()).map(NasEntry::isFile).orElse(false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FileName archiveName(String file) {
    if (file == null) {
      throw new InvalidValue("file", null, "required: " + FileName.RULE);
    }
    var name = FileName.of(file);
    if (!name.isArchive()) {
      throw new InvalidValue("file", file, "an archive name ending in .tar.gz, .tgz or .tar");
    }
    return name;
  }

  private Claim claim(Team team, FileName file, OperationId id) {
    try {
      return claims.claim(team, file, id);
    } catch (PermanentFailure failure) {
      if (ReasonCodes.CONFLICT.equals(failure.reasonCode())) {
        refuseIfClaimed(team, file);
      }
      throw failure;
    }
  }

  private void refuseIfClaimed(Team team, FileName file) {
    claims
        .claimedBy(team, file)
        .ifPresent(
            holder -> {
              throw Problems.conflict(
                  "The archive "
                      + file
                      + " is already being pushed by operation "
                      + holder
                      + "; follow that operation instead.",
                  holder.value());
            });
  }
}
