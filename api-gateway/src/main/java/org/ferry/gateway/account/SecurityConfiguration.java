package org.ferry.gateway.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Accounts and sign-in: HTTP Basic for API clients, a login form and session for the Images page,
 * both over the users file. Team checks are not here but in every endpoint, through {@link Caller}.
 */
@Configuration
class SecurityConfiguration implements WebMvcConfigurer {

  private static final RequestMatcher API =
      PathPatternRequestMatcher.withDefaults().matcher("/api/**");

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService users(UsersProperties properties) {
    return new InMemoryUserDetailsManager(UsersFile.read(properties.usersFile()).values());
  }

  @Bean
  SecurityFilterChain filterChain(
      HttpSecurity http, ObjectMapper json, ObjectProvider<JwtDecoder> tokens, OidcProperties oidc)
      throws Exception {
    var apiEntryPoint = apiEntryPoint(json);
    if (tokens.getIfAvailable() != null) {
      // Only when an issuer is configured: bearer tokens beside Basic, mapped to the same teams.
      http.oauth2ResourceServer(
          resource ->
              resource
                  .authenticationEntryPoint(apiEntryPoint)
                  .jwt(jwt -> jwt.jwtAuthenticationConverter(new TokenAccounts(oidc))));
    }
    http.authorizeHttpRequests(
            requests ->
                requests
                    // The operation stream continues on async dispatches; the request that
                    // opened it was authorized already.
                    .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(
                        "/login",
                        "/api/openapi.yaml",
                        "/api/asyncapi.yaml",
                        "/actuator/health/**",
                        "/actuator/info",
                        "/actuator/prometheus",
                        "/favicon.ico")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .httpBasic(basic -> basic.realmName("Ferry").authenticationEntryPoint(apiEntryPoint))
        .formLogin(form -> form.defaultSuccessUrl("/", true))
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        // CSRF protects what a browser sends on its own: the login form and the page's calls,
        // which carry the token from /api/v1/me in a header. A request that brings its own
        // Authorization header is an API client, not a browser riding on a session cookie, so
        // it needs no token. (A browser could replay Basic credentials it cached, but only in
        // simple requests: those cannot send the JSON our POSTs require, and DELETE needs a
        // CORS preflight the gateway never grants.)
        .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::carriesCredentials))
        .exceptionHandling(
            errors ->
                errors
                    .defaultAuthenticationEntryPointFor(apiEntryPoint, API)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
                    .accessDeniedHandler(accessDenied(json)));
    return http.build();
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CallerArgumentResolver());
  }

  private static boolean carriesCredentials(HttpServletRequest request) {
    return request.getHeader(HttpHeaders.AUTHORIZATION) != null;
  }

  /**
   * 401 as problem+json. The page's own calls (marked X-Requested-With) get no Basic challenge, so
   * an expired session sends the user to the login form instead of a browser password dialog.
   */
  private static AuthenticationEntryPoint apiEntryPoint(ObjectMapper json) {
    return (request, response, failure) -> {
      if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Ferry\"");
      }
      write(
          json,
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          "Log in first: use HTTP Basic with your Ferry account, or sign in on the page.");
    };
  }

  private static AccessDeniedHandler accessDenied(ObjectMapper json) {
    return (request, response, denied) ->
        write(
            json,
            request,
            response,
            HttpStatus.FORBIDDEN,
            "The request was refused: "
                + denied.getMessage()
                + ". If you use the page, reload it and try again.");
  }

  private static void write(
      ObjectMapper json,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String detail)
      throws IOException {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
