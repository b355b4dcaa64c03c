package org.ferry.registry.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A manifest of one image (Docker v2 schema 2 or OCI): its config and its layers, in order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ManifestJson(
    int schemaVersion, String mediaType, DescriptorJson config, List<DescriptorJson> layers) {}
