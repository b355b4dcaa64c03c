package org.ferry.gateway.image;

import java.util.List;
import org.ferry.gateway.account.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The images the team can see: its own and common's. */
@RestController
class ImageController {

  private final ListImages listImages;

  ImageController(ListImages listImages) {
    this.listImages = listImages;
  }

  @GetMapping("/api/v1/teams/{team}/images")
  List<Repository> images(Caller caller, @PathVariable String team) {
    return listImages.list(caller.actOn(team));
  }
}
