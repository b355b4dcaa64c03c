package org.ferry.gateway.image;

/**
 * One tag of a team's image as the registry serves it now: the digest a delete names to be sure it
 * removes this image, and {@code size}, the bytes the registry holds for it (config and compressed
 * layers), null for a multi-platform index.
 */
record TagDetails(
    String repository, String tag, String reference, String digest, String mediaType, Long size) {}
