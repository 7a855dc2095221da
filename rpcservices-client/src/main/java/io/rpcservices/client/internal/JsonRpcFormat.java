package io.rpcservices.client.internal;

import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.JsonRpcCodec;
import io.rpcservices.protocol.JsonRpcId;
import io.rpcservices.protocol.JsonRpcMessage;
import io.rpcservices.protocol.Limits;
import io.rpcservices.protocol.ProtocolException;
import io.rpcservices.protocol.RpcRequest;
import io.rpcservices.protocol.RpcResponse;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON-RPC 2.0 bodies. Each HTTP exchange stands alone, so a call has the id 1 and the calls of a
 * batch the ids 1 to n.
 */
final class JsonRpcFormat implements HttpFormat {
  private static final JsonRpcId FIRST = JsonRpcId.of(1);

  private final JsonRpcCodec codec;

  JsonRpcFormat(Limits limits) {
    this.codec = new JsonRpcCodec(limits);
  }

  @Override
  public String contentType() {
    return "application/json";
  }

  @Override
  public Limits limits() {
    return codec.limits();
  }

  @Override
  public byte[] encode(RpcRequest request) {
    return codec.encode(JsonRpcMessage.Request.of(FIRST, request));
  }

  @Override
  public RpcResponse decode(InputStream body) {
    return answer(codec.decodeResponses(body), FIRST);
  }

  @Override
  public boolean batches() {
    return true;
  }

  @Override
  public byte[] encodeBatch(List<RpcRequest> requests) {
    List<JsonRpcMessage> calls = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      calls.add(JsonRpcMessage.Request.of(JsonRpcId.of(i + 1), requests.get(i)));
    }
    return codec.encode(new JsonRpcMessage.Batch(calls));
  }

  @Override
  public List<RpcResponse> decodeBatch(InputStream body, int count) {
    Map<JsonRpcId, RpcResponse> responses = codec.decodeResponses(body);
    List<RpcResponse> answers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      answers.add(answer(responses, JsonRpcId.of(i + 1)));
    }
    return answers;
  }

  /**
   * The response with {@code id}; a server that could not read the request at all answers with one
   * error whose id is null, which then answers every call.
   */
  private static RpcResponse answer(Map<JsonRpcId, RpcResponse> responses, JsonRpcId id) {
    RpcResponse response = responses.get(id);
    if (response == null && responses.size() == 1) {
      response = responses.get(JsonRpcId.NULL);
    }
    if (response == null) {
      throw new ProtocolException(
          FaultCode.INVALID_REQUEST, "no response with id " + id + " (expected: one)");
    }
    return response;
  }
}
