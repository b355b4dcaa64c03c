package org.ferry.gateway.web;

import org.ferry.failure.InvalidValue;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.failure.TransientFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns Ferry's failures into problem+json: a broken naming or format rule is a 400 that names the
 * field and the rule, a passing outage (broker, registry) a 503, and other refusals keep the status
 * their reason implies, with the failure's details (such as {@code currentDigest}) as properties.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

  @ExceptionHandler(InvalidValue.class)
  ProblemDetail invalid(InvalidValue failure) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, failure.getMessage());
    problem.setTitle("Invalid " + failure.field());
    problem.setProperty("field", failure.field());
    problem.setProperty("rule", failure.rule());
    return problem;
  }

  @ExceptionHandler(TransientFailure.class)
  ProblemDetail unavailable(TransientFailure failure) {
    log.warn("Answered 503: {}", failure.getMessage(), failure.getCause());
    var problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, failure.getMessage());
    problem.setTitle("Service unavailable");
    return problem;
  }

  @ExceptionHandler(PermanentFailure.class)
  ProblemDetail refused(PermanentFailure failure) {
    var status =
        switch (failure.reasonCode()) {
          case ReasonCodes.NOT_FOUND -> HttpStatus.NOT_FOUND;
          case ReasonCodes.FORBIDDEN -> HttpStatus.FORBIDDEN;
          case ReasonCodes.CONFLICT -> HttpStatus.CONFLICT;
          case ReasonCodes.REJECTED -> HttpStatus.BAD_GATEWAY;
          case ReasonCodes.INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
          default -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    var problem = ProblemDetail.forStatusAndDetail(status, failure.getMessage());
    problem.setProperty("reason", failure.reasonCode());
    failure.details().forEach(problem::setProperty);
    return problem;
  }

  /**
   * A body that is not JSON, or has a value of the wrong type, names what Jackson could not read.
   */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException failure,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "Could not read the request body: it must be a JSON object as the API document"
                + " (/api/openapi.yaml) describes.");
    problem.setTitle("Unreadable body");
    problem.setProperty("field", "body");
    problem.setProperty("rule", "a JSON object");
    return handleExceptionInternal(failure, problem, headers, HttpStatus.BAD_REQUEST, request);
  }
}
