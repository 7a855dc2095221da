package io.rpcservices.client.internal;

import io.rpcservices.protocol.Limits;
import io.rpcservices.protocol.RpcRequest;
import io.rpcservices.protocol.RpcResponse;
import java.io.InputStream;
import java.util.List;

/** How calls are written into HTTP request bodies and answers read from response bodies. */
interface HttpFormat {

  /** The {@code Content-Type} of request bodies. */
  String contentType();

  /** The limits replies are held to. */
  Limits limits();

  /** The body of one call. */
  byte[] encode(RpcRequest request);

  /**
   * The answer to one call.
   *
   * @throws io.rpcservices.protocol.ProtocolException for a malformed or oversized body
   */
  RpcResponse decode(InputStream body);

  /** Whether several calls can go in one body. */
  boolean batches();

  /** The body of several calls. */
  byte[] encodeBatch(List<RpcRequest> requests);

  /**
   * The answers to {@code count} calls sent by {@link #encodeBatch}, in their order.
   *
   * @throws io.rpcservices.protocol.ProtocolException for a malformed body or missing answers
   */
  List<RpcResponse> decodeBatch(InputStream body, int count);
}
