package io.rpcservices.protocol;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes JSON-RPC 2.0 messages (single or batch) with the value mapping of DESIGN.md, for
 * servers, clients and both peers of a WebSocket. Instances are immutable and safe to share between
 * threads.
 *
 * <p>Values read as {@link JsonValues} reads them: an integral number is an {@code Integer} when it
 * fits, else a {@code Long}; JSON has no date or binary type, so a {@code byte[]} is written as a
 * base64 string and a {@code LocalDateTime} as a string such as {@code "20261123T10:00:00"}, and
 * both come back as strings. Faults travel as {@code error}: the fault's code and message, and its
 * data (with {@code type}) as {@code error.data}. {@link Limits} bound the body size, the nesting
 * of each parameter and of a result (counted as XML-RPC counts it), the number of values (the
 * envelope's {@code jsonrpc} and {@code method} included) and of batch entries, and the length of
 * strings and member names.
 *
 * <pre>{@code
 * JsonRpcCodec codec = new JsonRpcCodec(Limits.DEFAULT);
 * // A client: a request, then its answer by id.
 * JsonRpcId id = JsonRpcId.of(1);
 * byte[] body = codec.encode(JsonRpcMessage.Request.of(id, RpcRequest.of("master.ping")));
 * RpcResponse pong = codec.decodeResponses(responseBody).get(id);
 * // A server: decode, call, answer; nothing at all for notifications.
 * JsonRpcMessage message = codec.decodeRequest(requestBody);
 * }</pre>
 */
public final class JsonRpcCodec {
  private final Limits limits;
  // Configured once here and shared: a configured JsonFactory is thread-safe.
  private final JsonFactory factory;

  /** A codec that enforces {@code limits}. */
  public JsonRpcCodec(Limits limits) {
    this.limits = limits;
    this.factory = newFactory(limits);
  }

  /** The limits this codec enforces. */
  public Limits limits() {
    return limits;
  }

  /**
   * Reads what a server receives: a {@link JsonRpcMessage.Request}, a {@link
   * JsonRpcMessage.Notification}, an {@link JsonRpcMessage.Invalid} (for an invalid request, and
   * for an empty batch, which the spec answers with one error) or a {@link JsonRpcMessage.Batch} of
   * calls and invalid entries. An object without a {@code method} is an invalid request.
   *
   * @throws ProtocolException with {@link FaultCode#PARSE_ERROR} for text that is not one JSON
   *     value (answered with an error whose id is {@code null}), {@link
   *     FaultCode#REQUEST_TOO_LARGE} when a limit is passed
   * @throws UncheckedIOException when reading {@code in} fails
   */
  public JsonRpcMessage decodeRequest(InputStream in) {
    return read(in, false);
  }

  /**
   * Reads any message, as a peer of a WebSocket receives it: a call, a response, an invalid entry
   * or a batch of these; an object without a {@code method} is a response if it has a {@code
   * result} or an {@code error}.
   *
   * @throws ProtocolException as for {@link #decodeRequest}
   * @throws UncheckedIOException when reading {@code in} fails
   */
  public JsonRpcMessage decode(InputStream in) {
    return read(in, true);
  }

  /**
   * Reads any message from text, as {@link #decode(InputStream)} does; text longer than {@link
   * Limits#maxBodyBytes()} characters is refused before it is parsed.
   *
   * @throws ProtocolException as for {@link #decodeRequest}
   */
  public JsonRpcMessage decode(String text) {
    if (text.length() > limits.maxBodyBytes()) {
      throw new ProtocolException(
          FaultCode.REQUEST_TOO_LARGE,
          "body: " + text.length() + " characters (expected: <= " + limits.maxBodyBytes() + ")");
    }
    try (JsonParser parser = factory.createParser(text)) {
      return new JsonRpcReader(parser, limits, true).readDocument();
    } catch (IOException e) {
      throw JsonValues.toProtocolException(e);
    }
  }

  /**
   * Reads what a client receives: one response or a batch of them, by id in the order read. A
   * server that could not read a request or batch at all answers with one error whose id is {@link
   * JsonRpcId#NULL}.
   *
   * @throws ProtocolException as for {@link #decodeRequest}, and with {@link
   *     FaultCode#INVALID_REQUEST} for anything but valid responses with distinct ids: a call, a
   *     response with both or neither of {@code result} and {@code error}, a {@code jsonrpc} other
   *     than {@code "2.0"}, an empty batch
   * @throws UncheckedIOException when reading {@code in} fails
   */
  public Map<JsonRpcId, RpcResponse> decodeResponses(InputStream in) {
    JsonRpcMessage message = decode(in);
    List<JsonRpcMessage> entries =
        message instanceof JsonRpcMessage.Batch batch ? batch.messages() : List.of(message);
    Map<JsonRpcId, RpcResponse> responses = new LinkedHashMap<>();
    for (JsonRpcMessage entry : entries) {
      if (entry instanceof JsonRpcMessage.Invalid invalid) {
        throw new ProtocolException(FaultCode.INVALID_REQUEST, invalid.reason());
      }
      if (!(entry instanceof JsonRpcMessage.Response response)) {
        throw new ProtocolException(
            FaultCode.INVALID_REQUEST, "message: a call (expected: a response)");
      }
      if (responses.putIfAbsent(response.id(), response.response()) != null) {
        throw new ProtocolException(
            FaultCode.INVALID_REQUEST, "id: " + response.id() + " (expected: distinct ids)");
      }
    }
    return Collections.unmodifiableMap(responses);
  }

  /**
   * Writes a message as UTF-8 JSON; an {@link JsonRpcMessage.Invalid} is written as the error
   * response it calls for.
   *
   * @throws IllegalArgumentException for a value of a type outside the value table, naming it, a
   *     double that is not finite, or values nested too deeply to write
   */
  public byte[] encode(JsonRpcMessage message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = factory.createGenerator(out, JsonEncoding.UTF8)) {
      JsonRpcWriter.write(generator, message);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          e.getOriginalMessage().replaceAll(", from `[^`]*`", ""), e);
    } catch (IOException e) {
      // A ByteArrayOutputStream does not fail; this only satisfies the generator's signature.
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Writes {@code messages} as one batch, or nothing when there are none: a server answers a batch
   * of notifications with no body at all.
   *
   * @throws IllegalArgumentException as for {@link #encode}, and for an entry that is a batch
   */
  public Optional<byte[]> encodeBatch(List<? extends JsonRpcMessage> messages) {
    if (messages.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(encode(new JsonRpcMessage.Batch(List.copyOf(messages))));
  }

  private JsonRpcMessage read(InputStream in, boolean acceptResponses) {
    try (JsonParser parser = factory.createParser(new JsonValues.BoundedInputStream(in, limits))) {
      return new JsonRpcReader(parser, limits, acceptResponses).readDocument();
    } catch (JsonProcessingException e) {
      throw JsonValues.toProtocolException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonFactory newFactory(Limits limits) {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            // Past ours by the envelope (batch, message, params) and one, so that the reader
            // reports the nesting of values with its own message.
            .maxNestingDepth((int) Math.min(Integer.MAX_VALUE, limits.maxDepth() + 4L))
            .maxStringLength(limits.maxStringChars())
            .maxNameLength(limits.maxStringChars())
            .build();
    return JsonFactory.builder()
        .streamReadConstraints(constraints)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
  }
}
