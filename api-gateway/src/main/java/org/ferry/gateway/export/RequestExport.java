package org.ferry.gateway.export;

import java.time.Clock;
import org.ferry.contract.ExportRequested;
import org.ferry.failure.InvalidValue;
import org.ferry.gateway.account.Caller;
import org.ferry.gateway.operation.SendRequest;
import org.ferry.gateway.web.NameAndTag;
import org.ferry.gateway.web.Problems;
import org.ferry.image.ImageName;
import org.ferry.image.NamespacePolicy;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.springframework.stereotype.Service;

/**
 * Starts an export of an image of the team or of {@code common} into the team's {@code
 * exported-images}; any other team's image is refused before anything is sent.
 */
@Service
class RequestExport {

  static final String IMAGE_RULE = "<team or common>/" + NameAndTag.RULE;

  private final SendRequest send;
  private final Clock clock;

  RequestExport(SendRequest send, Clock clock) {
    this.send = send;
    this.clock = clock;
  }

  OperationId request(Caller caller, Team team, String image, String name, Boolean overwrite) {
    if (image == null || image.isBlank()) {
      throw new InvalidValue("image", image, "required: " + IMAGE_RULE);
    }
    var slash = image.indexOf('/');
    if (slash < 0 || image.indexOf('/', slash + 1) >= 0) {
      throw new InvalidValue("image", image, "exactly one '/': " + IMAGE_RULE);
    }
    var namespace = image.substring(0, slash);
    if (!ImageName.isValid(namespace)) {
      throw new InvalidValue("image", image, "the namespace must be a team or common");
    }
    var source = Team.of(namespace);
    var nameAndTag = NameAndTag.parse("image", image.substring(slash + 1));
    if (!NamespacePolicy.mayRead(team, source)) {
      throw Problems.forbidden(
          "The team '" + team + "' may export its own images and common's, not " + source + "'s.");
    }
    var exportName = exportName(name);
    var id = OperationId.random();
    send.send(
        new ExportRequested(
            id,
            team,
            clock.instant(),
            caller.username(),
            caller.source(),
            source,
            nameAndTag.name(),
            nameAndTag.tag(),
            exportName,
            overwrite));
    return id;
  }

  private static ImageName exportName(String name) {
    if (name == null || !ImageName.isValid(name)) {
      throw new InvalidValue("name", name, ImageName.RULE);
    }
    return ImageName.of(name);
  }
}
