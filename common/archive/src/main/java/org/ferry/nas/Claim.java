package org.ferry.nas;

import java.nio.file.Path;
import org.ferry.contract.FileName;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;

/**
 * An archive moved out of the team's reach for the duration of one operation: {@code archive} is
 * its path in Ferry's own folder, {@code file} the name it had in {@code push-images}.
 */
public record Claim(Team team, OperationId operationId, FileName file, Path archive) {}
