package org.ferry.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The gateway's refusals as problem+json responses (RFC 9457) that say what to do. */
public final class Problems {

  private Problems() {}

  public static ErrorResponseException forbidden(String detail) {
    return problem(HttpStatus.FORBIDDEN, "Not your team", detail);
  }

  public static ErrorResponseException notFound(String detail) {
    return problem(HttpStatus.NOT_FOUND, "Not found", detail);
  }

  public static ErrorResponseException unavailable(String detail) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail);
  }

  /** 409 naming the operation that already holds what the request wants. */
  public static ErrorResponseException conflict(String detail, String operationId) {
    var error = problem(HttpStatus.CONFLICT, "Already in progress", detail);
    error.getBody().setProperty("operationId", operationId);
    return error;
  }

  private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
    var body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title);
    return new ErrorResponseException(status, body, null);
  }
}
