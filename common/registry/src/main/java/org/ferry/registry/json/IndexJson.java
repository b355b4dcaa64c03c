package org.ferry.registry.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A manifest list or OCI index: one manifest per platform (and, from BuildKit, attestations). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record IndexJson(int schemaVersion, String mediaType, List<DescriptorJson> manifests) {}
