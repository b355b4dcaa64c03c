package org.ferry.exportworker.export.registry;

import org.ferry.image.Digest;

/** The manifest a tag points at ({@code tagDigest}, maybe a list) and the image chosen from it. */
record ResolvedImage(Digest tagDigest, ImageManifest manifest) {}
