package org.ferry.operation;

/** Where an operation stands; SUCCEEDED and FAILED are terminal and never change again. */
public enum OperationStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED;

  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED;
  }
}
