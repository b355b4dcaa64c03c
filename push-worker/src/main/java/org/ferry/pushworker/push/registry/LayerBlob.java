package org.ferry.pushworker.push.registry;

import org.ferry.image.Digest;

/**
 * One layer as the registry holds it: {@code diffId} and {@code tarSize} of the layer tar, {@code
 * digest} and {@code size} of the blob the registry holds for it (the same when uncompressed), and
 * whether that blob is gzip-compressed.
 */
record LayerBlob(Digest diffId, long tarSize, Digest digest, long size, boolean gzip) {}
