package org.ferry.registry.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The answer to {@code GET /v2/<name>/tags/list}; {@code tags} is null for a repository without
 * tags.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TagListJson(String name, List<String> tags) {}
