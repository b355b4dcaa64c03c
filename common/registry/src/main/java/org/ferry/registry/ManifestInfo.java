package org.ferry.registry;

import org.ferry.image.Digest;

/** What the registry says about a manifest without sending it: digest, media type and size. */
public record ManifestInfo(Digest digest, String mediaType, long size) {}
