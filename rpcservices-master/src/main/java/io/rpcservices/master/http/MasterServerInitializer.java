package io.rpcservices.master.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Builds the pipeline of each connection: idle timer, HTTP codec, guard, body cap, handler. A
 * WebSocket handshake on {@code /ws} later swaps the HTTP parts for frames and a session ({@link
 * FrontEnd#handshake}).
 */
final class MasterServerInitializer extends ChannelInitializer<SocketChannel> {
  private static final int MAX_INITIAL_LINE_LENGTH = 4096;
  private static final int MAX_HEADER_SIZE = 8192;
  private static final int MAX_CHUNK_SIZE = 8192;

  private final FrontEnd frontEnd;

  MasterServerInitializer(FrontEnd frontEnd) {
    this.frontEnd = frontEnd;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    long idleMillis = frontEnd.options().idleTimeout().toMillis();
    channel
        .pipeline()
        // Observing output: a large answer that a slow client is still reading is not idleness.
        .addLast("idle", new IdleStateHandler(true, 0, 0, idleMillis, TimeUnit.MILLISECONDS))
        .addLast(
            "http",
            new HttpServerCodec(
                new HttpDecoderConfig()
                    .setMaxInitialLineLength(MAX_INITIAL_LINE_LENGTH)
                    .setMaxHeaderSize(MAX_HEADER_SIZE)
                    .setMaxChunkSize(MAX_CHUNK_SIZE)))
        .addLast("guard", new HttpRequestGuard())
        .addLast("body", new BodyAggregator(frontEnd.maxBodyBytes()))
        .addLast("handler", new MasterServerHandler(frontEnd));
  }
}
