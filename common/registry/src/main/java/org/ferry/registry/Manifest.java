package org.ferry.registry;

import org.ferry.image.Digest;

/** A manifest's raw bytes as the registry serves them, with its digest and media type. */
public record Manifest(Digest digest, String mediaType, byte[] content) {}
