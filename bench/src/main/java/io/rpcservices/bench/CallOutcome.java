package io.rpcservices.bench;

/** What one HTTP response to an XML-RPC or JSON-RPC call looked like. */
record CallOutcome(int status, String body, boolean keepAlive) {

  /**
   * Whether the call succeeded: HTTP 200 with an XML-RPC method response that is not a fault, or a
   * JSON-RPC response with a result and no error.
   */
  boolean isSuccess() {
    if (status != 200) {
      return false;
    }
    if (body.startsWith("{")) {
      return body.contains("\"result\"") && !body.contains("\"error\"");
    }
    return body.contains("<methodResponse") && !body.contains("<fault>");
  }

  /** Whether the server answered with an XML-RPC fault. */
  boolean isFault() {
    return status == 200 && body.contains("<fault>");
  }
}
