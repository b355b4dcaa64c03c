package org.ferry.registry.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One page of {@code GET /v2/_catalog}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogJson(List<String> repositories) {}
