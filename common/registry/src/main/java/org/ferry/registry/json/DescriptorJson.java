package org.ferry.registry.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A content descriptor: a blob or manifest named by media type, size and digest; in an index also
 * with the platform it is for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DescriptorJson(
    String mediaType,
    long size,
    String digest,
    List<String> urls,
    PlatformJson platform,
    Map<String, String> annotations) {

  /** A descriptor of a blob, as a manifest Ferry writes lists it. */
  public static DescriptorJson of(String mediaType, long size, String digest) {
    return new DescriptorJson(mediaType, size, digest, null, null, null);
  }
}
