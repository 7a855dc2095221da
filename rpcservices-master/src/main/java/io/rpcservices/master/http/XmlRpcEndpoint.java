package io.rpcservices.master.http;

import io.rpcservices.master.CallContext;
import io.rpcservices.master.dispatch.Dispatcher;
import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.RpcRequest;
import io.rpcservices.protocol.RpcResponse;
import io.rpcservices.protocol.XmlRpcCodec;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Serves XML-RPC bodies: one {@code methodCall} in, one {@code methodResponse} out. */
final class XmlRpcEndpoint extends CallEndpoint<RpcRequest, RpcResponse> {
  private static final System.Logger LOGGER = System.getLogger(XmlRpcEndpoint.class.getName());

  private final XmlRpcCodec codec;
  private final Dispatcher dispatcher;

  XmlRpcEndpoint(XmlRpcCodec codec, Dispatcher dispatcher, Executor executor) {
    super(executor);
    this.codec = codec;
    this.dispatcher = dispatcher;
  }

  @Override
  public String contentType() {
    return "text/xml; charset=utf-8";
  }

  @Override
  RpcRequest decode(InputStream in) {
    return codec.decodeRequest(in);
  }

  @Override
  byte[] encodeFault(Fault fault) {
    return encode(fault, UNDECODED_REQUEST);
  }

  @Override
  boolean neverBlocks(RpcRequest request, CallContext context) {
    return dispatcher.neverBlocks(request.method(), context);
  }

  @Override
  CompletableFuture<RpcResponse> run(RpcRequest request, CallContext context) {
    return dispatcher.dispatch(request, context);
  }

  @Override
  byte[] encode(RpcRequest request, RpcResponse response) {
    return encode(response, request.method());
  }

  private byte[] encode(RpcResponse response, String method) {
    try {
      return codec.encodeResponse(response);
    } catch (RuntimeException e) {
      LOGGER.log(Level.ERROR, "cannot encode the answer of " + method, e);
      return codec.encodeResponse(Fault.of(FaultCode.INTERNAL_ERROR, "internal error"));
    }
  }
}
