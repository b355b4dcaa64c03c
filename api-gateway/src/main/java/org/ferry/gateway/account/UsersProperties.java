package org.ferry.gateway.account;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the gateway's accounts are: {@code usersFile} holds one {@code user=team:{bcrypt}hash} line
 * per user ({@code *} as the team for an admin).
 */
@ConfigurationProperties("ferry.gateway")
record UsersProperties(Path usersFile) {

  UsersProperties {
    usersFile = usersFile == null ? Path.of("var/users.properties") : usersFile;
  }
}
