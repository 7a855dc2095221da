package io.rpcservices.client.internal;

import io.rpcservices.protocol.Limits;
import io.rpcservices.protocol.RpcRequest;
import io.rpcservices.protocol.RpcResponse;
import io.rpcservices.protocol.XmlRpcCodec;
import java.io.InputStream;
import java.util.List;

/** XML-RPC bodies, read by the hardened codec; several calls go as {@code system.multicall}. */
final class XmlRpcFormat implements HttpFormat {
  private final XmlRpcCodec codec;

  XmlRpcFormat(Limits limits) {
    this.codec = new XmlRpcCodec(limits);
  }

  @Override
  public String contentType() {
    return "text/xml; charset=utf-8";
  }

  @Override
  public Limits limits() {
    return codec.limits();
  }

  @Override
  public byte[] encode(RpcRequest request) {
    return codec.encodeRequest(request);
  }

  @Override
  public RpcResponse decode(InputStream body) {
    return codec.decodeResponse(body);
  }

  @Override
  public boolean batches() {
    return false;
  }

  @Override
  public byte[] encodeBatch(List<RpcRequest> requests) {
    throw new UnsupportedOperationException("XML-RPC batches go as system.multicall");
  }

  @Override
  public List<RpcResponse> decodeBatch(InputStream body, int count) {
    throw new UnsupportedOperationException("XML-RPC batches go as system.multicall");
  }
}
