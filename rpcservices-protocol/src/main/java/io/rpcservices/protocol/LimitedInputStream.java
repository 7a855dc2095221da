package io.rpcservices.protocol;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Counts the bytes read from a body and fails as soon as there are more than the limit, so that an
 * oversized body is never read further than one byte past it. Failures of the source pass the
 * parser as {@link UncheckedIOException}, told apart from malformed input.
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
    try {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    // Ask for at most one byte past the limit: enough to see that it is passed, no more.
    int allowed = (int) Math.min(length, maxBytes - count + 1);
    try {
      int n = in.read(buffer, offset, allowed);
      if (n > 0) {
        count(n);
      }
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long skip(long n) {
    byte[] discard = new byte[(int) Math.min(Math.max(n, 0), 8192)];
    int skipped = read(discard, 0, discard.length);
    return Math.max(skipped, 0);
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

  private void count(long n) {
    count += n;
    if (count > maxBytes) {
      throw new ProtocolException(
          FaultCode.REQUEST_TOO_LARGE, "body larger than " + maxBytes + " bytes (maxBodyBytes)");
    }
  }
}
