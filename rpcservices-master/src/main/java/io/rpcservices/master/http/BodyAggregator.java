package io.rpcservices.master.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import org.jspecify.annotations.Nullable;

/**
 * Buffers request bodies up to a cap. A body over the cap, announced by its Content-Length or found
 * while it streams in, becomes a {@code 413} {@link Reply} that closes the connection, so the rest
 * of it is neither buffered nor read.
 */
final class BodyAggregator extends HttpObjectAggregator {
  BodyAggregator(int maxBodyBytes) {
    super(maxBodyBytes);
  }

  @Override
  @Nullable
  protected Object newContinueResponse(
      HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
    // No interim answer for a body that is too large: the 413 goes out in request order instead.
    return HttpUtil.getContentLength(start, -1L) > maxContentLength
        ? null
        : super.newContinueResponse(start, maxContentLength, pipeline);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    ctx.fireChannelRead(Reply.tooLarge(maxContentLength()));
  }
}
