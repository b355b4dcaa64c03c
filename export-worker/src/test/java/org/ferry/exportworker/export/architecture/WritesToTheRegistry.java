package org.ferry.exportworker.export.architecture;

import org.ferry.image.Digest;
import org.ferry.registry.RegistryWriter;
import org.ferry.registry.Repository;

/** A class the read-only rule must catch: it deletes through a writer. */
class WritesToTheRegistry {

  void delete(RegistryWriter registry, Digest digest) {
    registry.deleteManifest(new Repository("team-a", "hello"), digest);
  }
}
