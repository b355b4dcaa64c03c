package org.ferry.registry;

import java.util.Set;

/**
 * Every media type Ferry meets in a registry: manifests and indexes, image configs and layers, in
 * the Docker and the OCI flavour. The one list in Ferry; no other class spells a media type.
 */
public final class MediaTypes {

  public static final String DOCKER_MANIFEST =
      "application/vnd.docker.distribution.manifest.v2+json";
  public static final String DOCKER_MANIFEST_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

  public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
  public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";

  public static final String DOCKER_LAYER_TAR = "application/vnd.docker.image.rootfs.diff.tar";
  public static final String DOCKER_LAYER_GZIP =
      "application/vnd.docker.image.rootfs.diff.tar.gzip";
  public static final String DOCKER_LAYER_ZSTD =
      "application/vnd.docker.image.rootfs.diff.tar.zstd";
  public static final String DOCKER_FOREIGN_LAYER_GZIP =
      "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";
  public static final String OCI_LAYER_TAR = "application/vnd.oci.image.layer.v1.tar";
  public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
  public static final String OCI_LAYER_ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd";
  public static final String OCI_FOREIGN_LAYER_TAR =
      "application/vnd.oci.image.layer.nondistributable.v1.tar";
  public static final String OCI_FOREIGN_LAYER_GZIP =
      "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";
  public static final String OCI_FOREIGN_LAYER_ZSTD =
      "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd";

  /** Everything Ferry accepts when it asks for a manifest. */
  public static final String ACCEPT_MANIFESTS =
      String.join(", ", DOCKER_MANIFEST, OCI_MANIFEST, DOCKER_MANIFEST_LIST, OCI_INDEX);

  private static final Set<String> FOREIGN_LAYERS =
      Set.of(
          DOCKER_FOREIGN_LAYER_GZIP,
          OCI_FOREIGN_LAYER_TAR,
          OCI_FOREIGN_LAYER_GZIP,
          OCI_FOREIGN_LAYER_ZSTD);

  private MediaTypes() {}

  /** A manifest of one image (not a list of them). */
  public static boolean isImageManifest(String type) {
    return DOCKER_MANIFEST.equals(type) || OCI_MANIFEST.equals(type);
  }

  /** A manifest list or OCI index, which names images per platform. */
  public static boolean isIndex(String type) {
    return DOCKER_MANIFEST_LIST.equals(type) || OCI_INDEX.equals(type);
  }

  public static boolean isConfig(String type) {
    return DOCKER_CONFIG.equals(type) || OCI_CONFIG.equals(type);
  }

  /** A layer whose bytes live elsewhere (Windows base layers); registries do not serve them. */
  public static boolean isForeignLayer(String type) {
    return FOREIGN_LAYERS.contains(type);
  }
}
