package org.ferry.registry;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.ferry.image.Digest;

/**
 * What a service that only reads the registry may do: look up and read manifests, tags, the catalog
 * and blobs. The gateway and the export worker get only this.
 */
public interface RegistryReader {

  /** How the registry is reached and as whom; never prints the password. */
  RegistryAccess access();

  /** Whether the registry answers and accepts Ferry's credentials. */
  boolean ping();

  /** The digest, media type and size of a manifest, if the registry has it. */
  Optional<ManifestInfo> headManifest(Repository repository, String reference);

  /** A manifest's bytes, if the registry has it. */
  Optional<Manifest> getManifest(Repository repository, String reference);

  /** The tags of a repository, sorted; empty when the repository does not exist. */
  List<String> tags(Repository repository);

  /**
   * Every {@code <namespace>/<name>} repository in the registry, following the catalog's
   * pagination; deeper paths are not images Ferry made and are left out.
   */
  List<Repository> repositories();

  /** The size of a blob, if the repository has it. */
  Optional<Long> blobSize(Repository repository, Digest digest);

  /** Opens a blob for streaming; the caller closes the stream. */
  InputStream openBlob(Repository repository, Digest digest);
}
