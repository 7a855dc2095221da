package io.rpcservices.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {
  private static final byte[] HEAD =
      "<methodCall><methodName>a</methodName><params><param><value><string>"
          .getBytes(StandardCharsets.US_ASCII);

  @Test
  void stopReadingHugeBodyAtLimit() {
    XmlRpcCodec codec = new XmlRpcCodec(Limits.builder().maxBodyBytes(1 << 20).build());
    EndlessBody body = new EndlessBody();

    assertThatThrownBy(() -> codec.decodeRequest(body))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.faultCode()).isEqualTo(FaultCode.REQUEST_TOO_LARGE))
        .hasMessage("body larger than 1048576 bytes (maxBodyBytes)");
    assertThat(body.read).isEqualTo((1 << 20) + 1);
  }

  @Test
  void acceptBodyOfExactlyMaxBodyBytes() {
    byte[] body =
        "<methodCall><methodName>a</methodName></methodCall>".getBytes(StandardCharsets.US_ASCII);
    XmlRpcCodec exact = new XmlRpcCodec(Limits.builder().maxBodyBytes(body.length).build());
    XmlRpcCodec smaller = new XmlRpcCodec(Limits.builder().maxBodyBytes(body.length - 1).build());

    assertThat(exact.decodeRequest(new ByteArrayInputStream(body))).isEqualTo(RpcRequest.of("a"));
    assertThatThrownBy(() -> smaller.decodeRequest(new ByteArrayInputStream(body)))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("body larger than " + (body.length - 1) + " bytes (maxBodyBytes)");
  }

  @Test
  void passFailureOfSourceAsUncheckedIoException() {
    XmlRpcCodec codec = new XmlRpcCodec(Limits.DEFAULT);
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset");
          }
        };

    assertThatThrownBy(() -> codec.decodeResponse(broken))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("java.io.IOException: connection reset");
  }

  /** A well-formed start followed by an endless string, counting the bytes handed out. */
  private static final class EndlessBody extends InputStream {
    long read;

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      for (int i = 0; i < length; i++) {
        buffer[offset + i] = read < HEAD.length ? HEAD[(int) read] : (byte) 'a';
        read++;
      }
      return length;
    }
  }
}
