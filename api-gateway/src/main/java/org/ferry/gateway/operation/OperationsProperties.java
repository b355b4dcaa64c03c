package org.ferry.gateway.operation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How many of a team's latest operations a list returns at most. */
@ConfigurationProperties("ferry.gateway.operations")
record OperationsProperties(Integer pageSize) {

  OperationsProperties {
    pageSize = pageSize == null || pageSize < 1 ? 50 : pageSize;
  }
}
