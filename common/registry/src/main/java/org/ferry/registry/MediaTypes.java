package org.ferry.registry;

/** The manifest media types Ferry reads and writes. */
public final class MediaTypes {
  public static final String DOCKER_MANIFEST =
      "application/vnd.docker.distribution.manifest.v2+json";
  public static final String DOCKER_MANIFEST_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String DOCKER_LAYER_GZIP =
      "application/vnd.docker.image.rootfs.diff.tar.gzip";
  public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";

  /** Everything Ferry accepts when it asks for a manifest. */
  public static final String ACCEPT_MANIFESTS =
      String.join(", ", DOCKER_MANIFEST, OCI_MANIFEST, DOCKER_MANIFEST_LIST, OCI_INDEX);

  private MediaTypes() {}
}
