package io.rpcservices.protocol;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Counts the bytes read from a body and fails as soon as there are more than the limit, so that
 * an oversized body is never read further than one byte past it.
 */
final class LimitedInputStream extends FilterInputStream {
  private final long maxBytes;
  private long count;

  LimitedInputStream(InputStream in, long maxBytes) {
    super(in);
    this.maxBytes = maxBytes;
  }

  @Override
  public int read() {
    int b = source(() -> in.read());
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    // Ask for at most one byte past the limit: enough to see that it is passed, no more.
    long allowed = maxBytes - count + 1;
    int n = source(() -> in.read(buffer, offset, (int) Math.min(length, allowed)));
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) {
    long skipped = source(() -> (int) in.skip(Math.min(n, Math.min(maxBytes - count + 1, 1 << 20))));
    count(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readLimit) {}

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }

  /** The source's failures pass the parser unchanged, told apart from malformed input. */
  private static int source(Read read) {
    try {
      return read.read();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Read {
    int read() throws IOException;
  }

  private void count(long n) {
    count += n;
    if (count > maxBytes) {
      throw new ProtocolException(
          FaultCode.REQUEST_TOO_LARGE, "body larger than " + maxBytes + " bytes (maxBodyBytes)");
    }
  }
}
