package org.ferry.exportworker.export.architecture;

import java.util.List;
import org.ferry.registry.RegistryReader;
import org.ferry.registry.Repository;

/** A class the read-only rule must let pass: it only lists tags. */
class ReadsTheRegistry {

  List<String> tags(RegistryReader registry) {
    return registry.tags(new Repository("team-a", "hello"));
  }
}
