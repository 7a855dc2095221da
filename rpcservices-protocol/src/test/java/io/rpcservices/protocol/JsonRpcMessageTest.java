package io.rpcservices.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRpcMessageTest {

  @Test
  void makesCallsFromRpcRequests() {
    RpcRequest push = RpcRequest.of("stack.push", "in", null);

    assertThat(JsonRpcMessage.Request.of(JsonRpcId.of(1), push))
        .isEqualTo(
            new JsonRpcMessage.Request(
                JsonRpcId.of(1),
                "stack.push",
                new JsonRpcParams.Positional(Arrays.asList("in", null))));
    assertThat(JsonRpcMessage.Notification.of(push).params())
        .isEqualTo(new JsonRpcParams.Positional(Arrays.asList("in", null)));
  }

  @Test
  void answersInvalidEntryWithInvalidRequest() {
    JsonRpcMessage.Invalid invalid = new JsonRpcMessage.Invalid(JsonRpcId.of("a"), "params: 5");

    assertThat(invalid.toResponse())
        .isEqualTo(
            new JsonRpcMessage.Response(
                JsonRpcId.of("a"),
                new Fault(-32600, "InvalidRequest: params: 5", Map.of("type", "InvalidRequest"))));
  }

  @Test
  void copiesParamsSoTheyNeverChange() {
    List<Object> values = new ArrayList<>(List.of(1));
    JsonRpcParams.Positional params = new JsonRpcParams.Positional(values);
    values.add(2);

    assertThat(params.values()).containsExactly(1);
    assertThatThrownBy(() -> params.values().add(3))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void refusesEmptyOrNestedBatch() {
    JsonRpcMessage.Notification ping = JsonRpcMessage.Notification.of(RpcRequest.of("ping"));

    assertThatThrownBy(() -> new JsonRpcMessage.Batch(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("messages: empty (expected: at least one)");
    assertThatThrownBy(
            () -> new JsonRpcMessage.Batch(List.of(new JsonRpcMessage.Batch(List.of(ping)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("messages: a nested batch (expected: none)");
    assertThatThrownBy(
            () ->
                new JsonRpcCodec(Limits.DEFAULT)
                    .encodeBatch(List.of(new JsonRpcMessage.Batch(List.of(ping)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("messages: a nested batch (expected: none)");
  }
}
