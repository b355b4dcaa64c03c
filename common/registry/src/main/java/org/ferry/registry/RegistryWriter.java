package org.ferry.registry;

import java.io.InputStream;
import java.net.URI;
import org.ferry.image.Digest;

/**
 * The registry as the workers that push and delete use it: everything a reader does, and writes.
 */
public interface RegistryWriter extends RegistryReader {

  /** Deletes the manifest {@code digest} and with it every tag that points at it. */
  void deleteManifest(Repository repository, Digest digest);

  /** Starts a blob upload and returns where to send its bytes. */
  URI startBlobUpload(Repository repository);

  /**
   * Streams {@code body} to an upload as one chunk and returns where the upload continues. A stream
   * cannot be sent twice, so this call is not retried: a failure is transient and the caller starts
   * the blob again.
   */
  URI streamBlobChunk(Repository repository, URI upload, InputStream body);

  /** Completes an upload whose bytes were all sent; the registry refuses wrong bytes. */
  void completeBlobUpload(Repository repository, URI upload, Digest digest);

  /** Uploads a small blob held in memory in one request. */
  void putBlob(Repository repository, Digest digest, byte[] content);

  /** Stores {@code manifest} as {@code repository:reference}; returns the registry's digest. */
  Digest putManifest(Repository repository, String reference, String mediaType, byte[] manifest);
}
