package org.ferry.gateway.image;

import java.util.ArrayList;
import java.util.List;
import org.ferry.image.ImageName;
import org.ferry.image.NamespacePolicy;
import org.ferry.image.Team;
import org.ferry.registry.RegistryReader;
import org.springframework.stereotype.Service;

/**
 * The repositories a team can see, with their tags: its own namespace's and {@code common}'s, read
 * with the gateway's pull-only registry account.
 */
@Service
class ListImages {

  private final RegistryReader registry;

  ListImages(RegistryReader registry) {
    this.registry = registry;
  }

  List<Repository> list(Team team) {
    var repositories = new ArrayList<Repository>();
    // The catalog lists only <namespace>/<name>: deeper paths are not images Ferry made.
    for (var found : registry.repositories()) {
      if (readable(team, found.namespace())) {
        var tags = registry.tags(found);
        if (!tags.isEmpty()) {
          repositories.add(
              new Repository(found.namespace(), found.name(), found.path(), List.copyOf(tags)));
        }
      }
    }
    repositories.sort(
        (a, b) -> {
          // The team's own images first, then common's, each by name.
          var own =
              Boolean.compare(
                  !a.namespace().equals(team.value()), !b.namespace().equals(team.value()));
          return own != 0 ? own : a.repository().compareTo(b.repository());
        });
    return repositories;
  }

  private static boolean readable(Team team, String namespace) {
    return ImageName.isValid(namespace) && NamespacePolicy.mayRead(team, Team.of(namespace));
  }
}
