package io.rpcservices.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallOutcomeTest {
  private static final String SUCCESS =
      "<?xml version=\"1.0\"?><methodResponse><params><param><value>pong</value></param>"
          + "</params></methodResponse>";
  private static final String FAULT =
      "<?xml version=\"1.0\"?><methodResponse><fault><value><struct>"
          + "<member><name>faultCode</name><value><int>100</int></value></member>"
          + "</struct></value></fault></methodResponse>";
  private static final String JSON_SUCCESS = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":42}";
  private static final String JSON_ERROR =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"no\"}}";

  @Test
  void successIsA200MethodResponseWithoutFault() {
    assertThat(new CallOutcome(200, SUCCESS, true).isSuccess()).isTrue();
  }

  @Test
  void faultIsNoSuccess() {
    CallOutcome fault = new CallOutcome(200, FAULT, true);

    assertThat(fault.isSuccess()).isFalse();
    assertThat(fault.isFault()).isTrue();
  }

  @Test
  void otherStatusIsNeitherSuccessNorFault() {
    CallOutcome error = new CallOutcome(500, SUCCESS, false);

    assertThat(error.isSuccess()).isFalse();
    assertThat(error.isFault()).isFalse();
  }

  @Test
  void jsonResultIsSuccess() {
    assertThat(new CallOutcome(200, JSON_SUCCESS, true).isSuccess()).isTrue();
  }

  @Test
  void jsonErrorIsNoSuccess() {
    assertThat(new CallOutcome(200, JSON_ERROR, true).isSuccess()).isFalse();
  }
}
