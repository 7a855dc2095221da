package io.rpcservices.bench;

/** What one HTTP response to an XML-RPC call looked like. */
record CallOutcome(int status, String body, boolean keepAlive) {

  /** Whether the call succeeded: HTTP 200 with a method response that is not a fault. */
  boolean isSuccess() {
    return status == 200 && body.contains("<methodResponse") && !body.contains("<fault>");
  }

  /** Whether the server answered with an XML-RPC fault. */
  boolean isFault() {
    return status == 200 && body.contains("<fault>");
  }
}
