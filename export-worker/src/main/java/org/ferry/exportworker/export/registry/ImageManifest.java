package org.ferry.exportworker.export.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ferry.image.Digest;

/** One image's manifest: its config blob and its layer blobs, bottom-up. */
record ImageManifest(Descriptor config, List<Descriptor> layers) {

  ImageManifest {
    layers = List.copyOf(layers);
  }

  static ImageManifest parse(JsonNode manifest) {
    var layers = new ArrayList<Descriptor>();
    manifest.path("layers").forEach(layer -> layers.add(Descriptor.from(layer)));
    return new ImageManifest(Descriptor.from(manifest.path("config")), layers);
  }

  /** Each layer once, in order: an image may carry the same blob twice. */
  List<Descriptor> distinctLayers() {
    Map<Digest, Descriptor> distinct = new LinkedHashMap<>();
    layers.forEach(layer -> distinct.putIfAbsent(layer.digest(), layer));
    return List.copyOf(distinct.values());
  }

  List<Digest> layerDigests() {
    return layers.stream().map(Descriptor::digest).toList();
  }

  /** Bytes to download: the config and each distinct layer. */
  long downloadSize() {
    return config.size() + distinctLayers().stream().mapToLong(Descriptor::size).sum();
  }
}
