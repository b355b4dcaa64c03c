package org.ferry.contract;

/** A fact about an operation that workers emit while and after they work on it. */
public sealed interface OperationEvent extends FerryMessage
    permits OperationStarted, OperationProgressed, OperationSucceeded, OperationFailed {}
