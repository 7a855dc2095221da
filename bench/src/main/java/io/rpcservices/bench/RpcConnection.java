package io.rpcservices.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpUtil;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One persistent HTTP/1.1 connection with at most one call outstanding. Requests go out as
 * pre-encoded bytes; only responses are decoded. Futures complete on the connection's event loop.
 */
final class RpcConnection {
  private static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

  private final Channel channel;
  private volatile @Nullable CompletableFuture<CallOutcome> pending;

  private RpcConnection(Channel channel) {
    this.channel = channel;
  }

  /** Connects to {@code endpoint} on {@code eventLoop}; the future fails if the connect does. */
  static CompletableFuture<RpcConnection> open(EventLoop eventLoop, Endpoint endpoint) {
    CompletableFuture<RpcConnection> opened = new CompletableFuture<>();
    ResponseHandler handler = new ResponseHandler();
    ChannelFuture connect =
        new Bootstrap()
            .group(eventLoop)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    channel
                        .pipeline()
                        .addLast(new HttpResponseDecoder())
                        .addLast(new HttpObjectAggregator(MAX_RESPONSE_BYTES))
                        .addLast(handler);
                  }
                })
            .connect(endpoint.host(), endpoint.port());
    connect.addListener(
        done -> {
          if (done.isSuccess()) {
            RpcConnection connection = new RpcConnection(connect.channel());
            handler.connection = connection;
            opened.complete(connection);
          } else {
            opened.completeExceptionally(done.cause());
          }
        });
    return opened;
  }

  /**
   * Sends one pre-encoded request; the future completes with the response, or fails when the
   * connection closes first.
   *
   * @throws IllegalStateException if a call is already outstanding
   */
  CompletableFuture<CallOutcome> call(ByteBuf request) {
    CompletableFuture<CallOutcome> outcome = new CompletableFuture<>();
    if (pending != null) {
      throw new IllegalStateException("a call is already outstanding on " + channel);
    }
    pending = outcome;
    channel
        .writeAndFlush(request.duplicate())
        .addListener(
            written -> {
              if (!written.isSuccess()) {
                fail(written.cause());
              }
            });
    return outcome;
  }

  /** Whether the connection is still open. */
  boolean isOpen() {
    return channel.isActive();
  }

  /** Closes the connection; the future completes once it is closed. */
  CompletableFuture<Void> close() {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    channel.close().addListener(done -> closed.complete(null));
    return closed;
  }

  private void complete(CallOutcome outcome) {
    CompletableFuture<CallOutcome> call = pending;
    pending = null;
    if (call != null) {
      call.complete(outcome);
    }
  }

  private void fail(Throwable cause) {
    CompletableFuture<CallOutcome> call = pending;
    pending = null;
    if (call != null) {
      call.completeExceptionally(cause);
    }
  }

  /** Hands responses and closes to the connection's outstanding call. */
  private static final class ResponseHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
    // Set on the event loop right after connect, before any response can arrive.
    private @Nullable RpcConnection connection;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
      CallOutcome outcome =
          new CallOutcome(
              response.status().code(),
              response.content().toString(StandardCharsets.UTF_8),
              HttpUtil.isKeepAlive(response));
      if (connection != null) {
        connection.complete(outcome);
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (connection != null) {
        connection.fail(new ClosedChannelException());
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (connection != null) {
        connection.fail(cause);
      }
      ctx.close();
    }
  }
}
