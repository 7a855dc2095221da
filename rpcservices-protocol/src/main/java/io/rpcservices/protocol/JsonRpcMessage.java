package io.rpcservices.protocol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One JSON-RPC 2.0 message as read or written by {@link JsonRpcCodec}: a {@link Request}, a {@link
 * Notification}, a {@link Response}, a {@link Batch} of these, or an {@link Invalid} entry that
 * stands for an object that was no valid message. Either peer of a WebSocket can receive any of
 * them.
 *
 * <pre>{@code
 * JsonRpcMessage message = codec.decode(text);
 * if (message instanceof JsonRpcMessage.Request request) {
 *   send(codec.encode(new JsonRpcMessage.Response(request.id(), call(request))));
 * } else if (message instanceof JsonRpcMessage.Response response) {
 *   complete(response.id(), response.response());
 * }
 * }</pre>
 */
public sealed interface JsonRpcMessage
    permits JsonRpcMessage.Call,
        JsonRpcMessage.Response,
        JsonRpcMessage.Invalid,
        JsonRpcMessage.Batch {

  /** A call of a method, answered ({@link Request}) or not ({@link Notification}). */
  sealed interface Call extends JsonRpcMessage permits Request, Notification {

    /** The method name, such as {@code stack.push}. */
    String method();

    /** The parameters, positional or named. */
    JsonRpcParams params();
  }

  /**
   * A call that the receiver answers with a {@link Response} carrying the same id.
   *
   * @param id the id to echo; {@link JsonRpcId#NULL} is allowed though discouraged by the spec
   * @param method the method name
   * @param params the parameters
   * @param timeout how long the caller waits for the answer, the member {@code "timeout"} in
   *     seconds (an extension: the master takes it as the call's deadline); null when not given
   */
  record Request(JsonRpcId id, String method, JsonRpcParams params, @Nullable Duration timeout)
      implements Call {

    /** Checks that every part is there, and that a timeout is positive. */
    public Request {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(params, "params");
      if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
        throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
      }
    }

    /** A request without a timeout. */
    public Request(JsonRpcId id, String method, JsonRpcParams params) {
      this(id, method, params, null);
    }

    /** A request with {@code id} for {@code request}'s method and positional parameters. */
    public static Request of(JsonRpcId id, RpcRequest request) {
      return of(id, request, null);
    }

    /** The same, telling the receiver that the caller waits {@code timeout} for the answer. */
    public static Request of(JsonRpcId id, RpcRequest request, @Nullable Duration timeout) {
      return new Request(
          id, request.method(), new JsonRpcParams.Positional(request.params()), timeout);
    }
  }

  /**
   * A call that the receiver must not answer.
   *
   * @param method the method name
   * @param params the parameters
   */
  record Notification(String method, JsonRpcParams params) implements Call {

    /** Checks that every part is there. */
    public Notification {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(params, "params");
    }

    /** A notification of {@code request}'s method with its positional parameters. */
    public static Notification of(RpcRequest request) {
      return new Notification(request.method(), new JsonRpcParams.Positional(request.params()));
    }
  }

  /**
   * The answer to the request with the same id: a {@code result} ({@link Success}) or an {@code
   * error} ({@link Fault}, whose code, message and data become the error's).
   *
   * @param id the id of the request answered, or {@link JsonRpcId#NULL} when it could not be read
   * @param response the result or the fault
   */
  record Response(JsonRpcId id, RpcResponse response) implements JsonRpcMessage {

    /** Checks that every part is there. */
    public Response {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(response, "response");
    }
  }

  /**
   * A JSON value that should have been a message but was not, such as {@code 1}, {@code {"foo":
   * "boo"}} or a call whose {@code jsonrpc} is not {@code "2.0"}. A server answers it with {@link
   * #toResponse()}; {@link JsonRpcCodec#encode} writes that answer.
   *
   * @param id the object's id when it was meant as a call and its id is valid, else {@link
   *     JsonRpcId#NULL}
   * @param reason what is wrong, such as {@code method: 1 (expected: a string)}
   */
  record Invalid(JsonRpcId id, String reason) implements JsonRpcMessage {

    /** Checks that every part is there. */
    public Invalid {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(reason, "reason");
    }

    /** The InvalidRequest fault that answers this entry. */
    public Fault fault() {
      return Fault.of(FaultCode.INVALID_REQUEST, reason);
    }

    /** The error response that answers this entry. */
    public Response toResponse() {
      return new Response(id, fault());
    }
  }

  /**
   * Several messages sent as one JSON array. Its entries are never batches themselves.
   *
   * @param messages the entries in order, at least one
   */
  record Batch(List<JsonRpcMessage> messages) implements JsonRpcMessage {

    /** Keeps an unmodifiable copy and checks that it is not empty and holds no batch. */
    public Batch {
      messages = Collections.unmodifiableList(new ArrayList<>(messages));
      if (messages.isEmpty()) {
        throw new IllegalArgumentException("messages: empty (expected: at least one)");
      }
      for (JsonRpcMessage message : messages) {
        if (Objects.requireNonNull(message, "message") instanceof Batch) {
          throw new IllegalArgumentException("messages: a nested batch (expected: none)");
        }
      }
    }
  }
}
