package org.ferry.registry.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The parts of an image config Ferry reads: the platform and the uncompressed digests (diffIDs) of
 * its layers. A config is always stored as it was read, never written back from this record.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageConfigJson(String os, String architecture, RootFs rootfs) {

  /** The layers' diffIDs; empty when the config lists none. */
  public List<String> diffIds() {
    return rootfs == null || rootfs.diffIds() == null ? List.of() : rootfs.diffIds();
  }

  /** The config's {@code rootfs} object. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RootFs(String type, @JsonProperty("diff_ids") List<String> diffIds) {}
}
