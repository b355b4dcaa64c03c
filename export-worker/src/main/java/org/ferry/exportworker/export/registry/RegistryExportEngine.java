package org.ferry.exportworker.export.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.ferry.exportworker.export.ExportEngine;
import org.ferry.exportworker.export.ExportedImage;
import org.ferry.exportworker.export.archive.DockerArchive;
import org.ferry.exportworker.export.archive.LayerEncoding;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.ImageRef;
import org.ferry.operation.Progress;
import org.ferry.registry.MediaTypes;
import org.ferry.registry.RegistryReader;
import org.ferry.registry.Repository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The default export engine: streams the image's config and its compressed layer blobs from the
 * registry straight into the archive, without a Docker daemon and without decompressing or
 * recompressing a byte, so an export costs about what reading the blobs costs.
 */
@Component
@ConditionalOnProperty(
    name = "ferry.export.engine",
    havingValue = "registry",
    matchIfMissing = true)
class RegistryExportEngine implements ExportEngine {

  private final ManifestLookup manifests;
  private final BlobCopy blobs;
  private final long maxConfigSize;
  private final ObjectMapper json = new ObjectMapper();

  RegistryExportEngine(RegistryReader registry, RegistryEngineProperties properties) {
    this.manifests = new ManifestLookup(registry, Platform.parse(properties.platform()));
    this.blobs = new BlobCopy(registry, (int) properties.bufferSize().toBytes());
    this.maxConfigSize = properties.maxConfigSize().toBytes();
  }

  @Override
  public ExportedImage write(ImageRef source, OutputStream out, Progress progress)
      throws IOException {
    var action = "export " + source.shortName();
    var image = manifests.find(source);
    var manifest = image.manifest();
    var layers = manifest.distinctLayers();
    // Refuse a layer docker load could not read before downloading anything.
    layers.forEach(layer -> encoding(layer, action));
    var config = readConfig(source, manifest, action);

    var total = manifest.downloadSize();
    var done = new AtomicLong(config.length);
    var archive = new DockerArchive(out);
    archive.addConfig(manifest.config().digest(), config);
    progress.report(STAGE_DOWNLOADING, done.get(), total);
    for (var layer : layers) {
      archive.addLayer(
          layer.digest(),
          layer.size(),
          encoding(layer, action),
          entry ->
              blobs.copy(
                  Repository.of(source),
                  layer,
                  action,
                  entry,
                  n -> progress.report(STAGE_DOWNLOADING, done.addAndGet(n), total)));
    }
    archive.finish(source.shortName(), manifest.layerDigests());
    return new ExportedImage(image.tagDigest(), source.shortName());
  }

  /** Reads the config and checks it names as many layers as the manifest has. */
  private byte[] readConfig(ImageRef source, ImageManifest manifest, String action) {
    var descriptor = manifest.config();
    var type = descriptor.mediaType();
    if (!MediaTypes.isConfig(type)) {
      throw new PermanentFailure(
          action,
          "its config is '" + type + "', so it is not a container image",
          "Export an image that docker pull accepts.",
          ReasonCodes.REJECTED);
    }
    var config = blobs.readWhole(Repository.of(source), descriptor, action, maxConfigSize);
    int diffIds;
    try {
      diffIds = json.readTree(config).path("rootfs").path("diff_ids").size();
    } catch (IOException e) {
      diffIds = -1;
    }
    if (diffIds != manifest.layers().size()) {
      throw new PermanentFailure(
          action,
          "its config lists "
              + Math.max(diffIds, 0)
              + " layers but its manifest has "
              + manifest.layers().size()
              + ", so docker load would refuse it",
          "Push the image again with Docker.",
          ReasonCodes.REJECTED);
    }
    return config;
  }

  private static LayerEncoding encoding(Descriptor layer, String action) {
    return switch (layer.mediaType()) {
      case MediaTypes.DOCKER_LAYER_GZIP, MediaTypes.OCI_LAYER_GZIP -> LayerEncoding.GZIP;
      case MediaTypes.DOCKER_LAYER_TAR, MediaTypes.OCI_LAYER_TAR -> LayerEncoding.TAR;
      default ->
          throw new PermanentFailure(
              action,
              "its layer "
                  + layer.digest()
                  + " is stored as '"
                  + layer.mediaType()
                  + "'; Ferry exports gzip-compressed and plain tar layers only",
              "Push the image with gzip-compressed layers (docker push does).",
              ReasonCodes.REJECTED);
    };
  }
}
