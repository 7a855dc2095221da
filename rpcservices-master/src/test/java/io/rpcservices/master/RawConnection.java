package io.rpcservices.master;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A plain socket to a master, for what an HTTP client library will not send. */
public final class RawConnection implements AutoCloseable {
  private final Socket socket = new Socket();
  private final InputStream in;
  private final OutputStream out;

  /** Connects to {@code master}; reads time out after {@code readTimeoutMillis}. */
  public RawConnection(Master master, int readTimeoutMillis) {
    try {
      socket.connect(new InetSocketAddress("127.0.0.1", master.port()));
      socket.setSoTimeout(readTimeoutMillis);
      in = socket.getInputStream();
      out = socket.getOutputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An HTTP response as read off the socket. */
  public record Response(int status, Map<String, String> headers, String body) {
    /** The header {@code name} (any case), or {@code null}. */
    public @Nullable String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** A POST of {@code body} to {@code /RPC2}, as bytes to send. */
  public static byte[] post(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return concat(
        ("POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml\r\nContent-Length: "
                + bytes.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII),
        bytes);
  }

  /** An XML-RPC call of {@code method} with string parameters, as XML text. */
  public static String call(String method, String... params) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><methodCall><methodName>");
    xml.append(method).append("</methodName><params>");
    for (String param : params) {
      xml.append("<param><value><string>").append(param).append("</string></value></param>");
    }
    return xml.append("</params></methodCall>").toString();
  }

  /** Sends {@code bytes}. */
  public RawConnection send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** Sends ASCII text. */
  public RawConnection send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.US_ASCII));
  }

  /** Reads one response with a Content-Length body. */
  public Response read() throws IOException {
    String statusLine = readLine();
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  /** Whether the master has closed the connection: the next read finds the end of the stream. */
  public boolean isClosedByPeer() throws IOException {
    try {
      return in.read() == -1;
    } catch (java.net.SocketException e) {
      return true;
    }
  }

  /**
   * Reads and drops whatever comes until the master closes the connection; fails with a {@link
   * java.net.SocketTimeoutException} if a read waits longer than the read timeout.
   */
  public void awaitClosedByPeer() throws IOException {
    try {
      while (in.read() != -1) {
        // Dropped: only the end of the stream matters.
      }
    } catch (java.net.SocketException e) {
      // A reset is a close too.
    }
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b == -1) {
        throw new IOException("connection closed");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
