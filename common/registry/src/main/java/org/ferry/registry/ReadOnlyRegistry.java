package org.ferry.registry;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.ferry.image.Digest;

/** A {@link RegistryReader} that is only that: it hands on reads and has no write to cast to. */
final class ReadOnlyRegistry implements RegistryReader {

  private final RegistryReader registry;

  ReadOnlyRegistry(RegistryReader registry) {
    this.registry = registry;
  }

  @Override
  public RegistryAccess access() {
    return registry.access();
  }

  @Override
  public boolean ping() {
    return registry.ping();
  }

  @Override
  public Optional<ManifestInfo> headManifest(Repository repository, String reference) {
    return registry.headManifest(repository, reference);
  }

  @Override
  public Optional<Manifest> getManifest(Repository repository, String reference) {
    return registry.getManifest(repository, reference);
  }

  @Override
  public List<String> tags(Repository repository) {
    return registry.tags(repository);
  }

  @Override
  public List<Repository> repositories() {
    return registry.repositories();
  }

  @Override
  public Optional<Long> blobSize(Repository repository, Digest digest) {
    return registry.blobSize(repository, digest);
  }

  @Override
  public InputStream openBlob(Repository repository, Digest digest) {
    return registry.openBlob(repository, digest);
  }

  @Override
  public String toString() {
    return "read-only " + registry.access();
  }
}
