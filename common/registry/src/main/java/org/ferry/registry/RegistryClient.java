package org.ferry.registry;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.ferry.image.Digest;

/**
 * The client for the Docker Registry HTTP API v2 (the Distribution registry): a facade over one
 * small class per registry step, which share one {@link RegistryAuthenticator} (Basic or bearer
 * tokens) and one retry and circuit-breaker policy. A service that only reads takes it as a {@link
 * RegistryReader}, best through {@link #readOnly()}.
 */
public final class RegistryClient implements RegistryWriter {

  private final RegistryHttp http;
  private final Ping ping;
  private final CheckManifest checkManifest;
  private final GetManifest getManifest;
  private final ListTags listTags;
  private final Catalog catalog;
  private final CheckBlob checkBlob;
  private final GetBlob getBlob;
  private final DeleteManifest deleteManifest;
  private final StartUpload startUpload;
  private final UploadChunk uploadChunk;
  private final CompleteUpload completeUpload;
  private final PutBlob putBlob;
  private final PutManifest putManifest;

  public RegistryClient(RegistryAccess access, Retry retry) {
    this(access, retry, CircuitBreaker.of("registry", RegistryRetry.breakerConfig()));
  }

  /**
   * @param breaker opens when most calls fail transiently, so a registry that is down is not
   *     hammered by every worker's retries; while open, calls fail at once as transient
   */
  public RegistryClient(RegistryAccess access, Retry retry, CircuitBreaker breaker) {
    this.http = new RegistryHttp(access, retry, breaker);
    this.ping = new Ping(http);
    this.checkManifest = new CheckManifest(http);
    this.getManifest = new GetManifest(http);
    this.listTags = new ListTags(http);
    this.catalog = new Catalog(http);
    this.checkBlob = new CheckBlob(http);
    this.getBlob = new GetBlob(http);
    this.deleteManifest = new DeleteManifest(http);
    this.startUpload = new StartUpload(http);
    this.uploadChunk = new UploadChunk(http);
    this.completeUpload = new CompleteUpload(http);
    this.putBlob = new PutBlob(http, startUpload);
    this.putManifest = new PutManifest(http);
  }

  /** This client with only its reading face: a caller cannot cast its way to a write. */
  public RegistryReader readOnly() {
    return new ReadOnlyRegistry(this);
  }

  @Override
  public RegistryAccess access() {
    return http.access();
  }

  @Override
  public boolean ping() {
    return ping.call();
  }

  @Override
  public Optional<ManifestInfo> headManifest(Repository repository, String reference) {
    return checkManifest.call(repository, reference);
  }

  @Override
  public Optional<Manifest> getManifest(Repository repository, String reference) {
    return getManifest.call(repository, reference);
  }

  @Override
  public List<String> tags(Repository repository) {
    return listTags.call(repository);
  }

  @Override
  public List<Repository> repositories() {
    return catalog.call();
  }

  @Override
  public Optional<Long> blobSize(Repository repository, Digest digest) {
    return checkBlob.call(repository, digest);
  }

  @Override
  public InputStream openBlob(Repository repository, Digest digest) {
    return getBlob.call(repository, digest);
  }

  @Override
  public void deleteManifest(Repository repository, Digest digest) {
    deleteManifest.call(repository, digest);
  }

  @Override
  public URI startBlobUpload(Repository repository) {
    return startUpload.call(repository);
  }

  @Override
  public URI streamBlobChunk(Repository repository, URI upload, InputStream body) {
    return uploadChunk.call(repository, upload, body);
  }

  @Override
  public void completeBlobUpload(Repository repository, URI upload, Digest digest) {
    completeUpload.call(repository, upload, digest);
  }

  @Override
  public void putBlob(Repository repository, Digest digest, byte[] content) {
    putBlob.call(repository, digest, content);
  }

  @Override
  public Digest putManifest(
      Repository repository, String reference, String mediaType, byte[] manifest) {
    return putManifest.call(repository, reference, mediaType, manifest);
  }
}
