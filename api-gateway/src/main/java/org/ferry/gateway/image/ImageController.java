package org.ferry.gateway.image;

import java.util.List;
import org.ferry.gateway.account.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The images the team can see (its own and common's), and one tag of its own in detail. */
@RestController
class ImageController {

  private final ListImages listImages;
  private final DescribeTag describeTag;

  ImageController(ListImages listImages, DescribeTag describeTag) {
    this.listImages = listImages;
    this.describeTag = describeTag;
  }

  @GetMapping("/api/v1/teams/{team}/images")
  List<Repository> images(Caller caller, @PathVariable String team) {
    return listImages.list(caller.actOn(team));
  }

  @GetMapping("/api/v1/teams/{team}/images/{name}/tags/{tag}")
  TagDetails tag(
      Caller caller,
      @PathVariable String team,
      @PathVariable String name,
      @PathVariable String tag) {
    return describeTag.describe(caller.actOn(team), name, tag);
  }
}
