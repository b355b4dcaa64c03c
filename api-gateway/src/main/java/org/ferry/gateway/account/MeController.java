package org.ferry.gateway.account;

import java.util.List;
import org.ferry.image.Team;
import org.ferry.nas.NasLayout;
import org.ferry.operation.Source;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells the page who is logged in, which teams it may act on, and the CSRF token to send. */
@RestController
class MeController {

  private final NasLayout nas;

  MeController(NasLayout nas) {
    this.nas = nas;
  }

  record Csrf(String headerName, String token) {}

  record Me(String username, String team, boolean admin, List<String> teams, Csrf csrf) {}

  @GetMapping("/api/v1/me")
  Me me(Caller caller, CsrfToken csrf) {
    var teams =
        caller.admin()
            ? nas.teams().stream().map(Team::value).toList()
            : caller.team().map(team -> List.of(team.value())).orElse(List.of());
    return new Me(
        caller.username(),
        caller.team().map(Team::value).orElse(null),
        caller.admin(),
        teams,
        // Only the page needs the token; asking for it would give an API client a session.
        caller.source() == Source.PAGE ? new Csrf(csrf.getHeaderName(), csrf.getToken()) : null);
  }
}
