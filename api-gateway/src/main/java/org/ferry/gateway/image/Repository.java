package org.ferry.gateway.image;

import java.util.List;

/** One registry repository a team can see: {@code repository} is {@code <namespace>/<name>}. */
record Repository(String namespace, String name, String repository, List<String> tags) {}
