package io.rpcservices.master.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.rpcservices.master.dispatch.Dispatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The master's HTTP/1.1 and WebSocket server on Netty: binds, runs the event loops and stops them.
 * Service methods run on the given executor, never on an event loop; calls to workers, which are
 * only routed, are routed from the event loop that received them.
 *
 * <pre>{@code
 * ServerOptions options = new ServerOptions("127.0.0.1", 0, Duration.ofSeconds(60),
 *     Duration.ofSeconds(30), Duration.ofSeconds(15), Limits.DEFAULT);
 * MasterServer server = new MasterServer(options, dispatcher, executor);
 * InetSocketAddress bound = server.start();
 * server.close();
 * }</pre>
 */
public final class MasterServer implements AutoCloseable {
  private final String host;
  private final int port;
  private final MasterServerInitializer initializer;
  private final EventLoopGroup acceptor = new NioEventLoopGroup(1, threads("rpcservices-accept"));
  private final EventLoopGroup workers = new NioEventLoopGroup(0, threads("rpcservices-io"));
  private @Nullable Channel channel;

  /**
   * A server, not yet bound.
   *
   * @param options where to listen, timeouts and limits
   * @param dispatcher where calls go
   * @param executor where requests are decoded and service methods run
   */
  public MasterServer(ServerOptions options, Dispatcher dispatcher, Executor executor) {
    this.host = options.host();
    this.port = options.port();
    this.initializer = new MasterServerInitializer(new FrontEnd(options, dispatcher, executor));
  }

  /**
   * Binds and starts serving.
   *
   * @return the bound address
   * @throws UncheckedIOException if the address cannot be bound, such as {@code cannot bind
   *     127.0.0.1:8000: Address already in use}
   */
  public InetSocketAddress start() {
    ChannelFuture bind =
        new ServerBootstrap()
            .group(acceptor, workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(initializer)
            .bind(host, port)
            .awaitUninterruptibly();
    if (!bind.isSuccess()) {
      Throwable cause = bind.cause();
      String message = "cannot bind " + host + ":" + port + ": " + cause.getMessage();
      throw new UncheckedIOException(
          message, cause instanceof IOException io ? io : new IOException(cause));
    }
    channel = bind.channel();
    return (InetSocketAddress) bind.channel().localAddress();
  }

  /** Stops taking connections, closes the open ones and stops the event loops. */
  @Override
  public void close() {
    if (channel != null) {
      channel.close().awaitUninterruptibly();
    }
    acceptor.shutdownGracefully(0, 5, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 5, TimeUnit.SECONDS);
    acceptor.terminationFuture().awaitUninterruptibly();
    workers.terminationFuture().awaitUninterruptibly();
  }

  private static DefaultThreadFactory threads(String name) {
    return new DefaultThreadFactory(name, true);
  }
}
