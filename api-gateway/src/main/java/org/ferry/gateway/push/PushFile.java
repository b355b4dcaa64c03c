package org.ferry.gateway.push;

import java.time.Instant;

/**
 * A file in a team's {@code push-images}, and whether the Push button can take it; {@code reason}
 * says why not.
 */
record PushFile(String name, long size, Instant modified, boolean pushable, String reason) {}
