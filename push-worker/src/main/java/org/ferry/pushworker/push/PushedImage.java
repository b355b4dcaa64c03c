package org.ferry.pushworker.push;

import org.ferry.image.Digest;

/** What a push engine reports: the manifest digest it pushed and the image's unpacked size. */
public record PushedImage(Digest digest, long size) {}
