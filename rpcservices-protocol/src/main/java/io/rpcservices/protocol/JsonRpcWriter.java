package io.rpcservices.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Writes JSON-RPC 2.0 messages to a generator, members in the spec's order ({@code jsonrpc}, then
 * {@code method} and {@code params} or {@code result} or {@code error}, then {@code id}) and values
 * through {@link JsonValues#writeValue}.
 */
final class JsonRpcWriter {
  private JsonRpcWriter() {}

  /**
   * Writes {@code message}; an {@link JsonRpcMessage.Invalid} as the error response it calls for.
   */
  static void write(JsonGenerator generator, JsonRpcMessage message) throws IOException {
    if (message instanceof JsonRpcMessage.Request request) {
      writeCall(generator, request.method(), request.params());
      if (request.timeout() != null) {
        generator.writeFieldName("timeout");
        generator.writeNumber(
            BigDecimal.valueOf(request.timeout().toNanos(), 9).stripTrailingZeros().toPlainString());
      }
      writeId(generator, request.id());
      generator.writeEndObject();
    } else if (message instanceof JsonRpcMessage.Notification notification) {
      writeCall(generator, notification.method(), notification.params());
      generator.writeEndObject();
    } else if (message instanceof JsonRpcMessage.Response response) {
      writeResponse(generator, response);
    } else if (message instanceof JsonRpcMessage.Invalid invalid) {
      writeResponse(generator, invalid.toResponse());
    } else if (message instanceof JsonRpcMessage.Batch batch) {
      generator.writeStartArray();
      for (JsonRpcMessage entry : batch.messages()) {
        write(generator, entry);
      }
      generator.writeEndArray();
    }
  }

  private static void writeCall(JsonGenerator generator, String method, JsonRpcParams params)
      throws IOException {
    generator.writeStartObject();
    generator.writeStringField("jsonrpc", "2.0");
    generator.writeStringField("method", method);
    if (params instanceof JsonRpcParams.Named named) {
      generator.writeFieldName("params");
      JsonValues.writeValue(generator, named.values());
    } else if (params instanceof JsonRpcParams.Positional positional
        && !positional.values().isEmpty()) {
      // No parameters are sent by leaving params out, which every server reads as none.
      generator.writeFieldName("params");
      JsonValues.writeValue(generator, positional.values());
    }
  }

  private static void writeResponse(JsonGenerator generator, JsonRpcMessage.Response response)
      throws IOException {
    generator.writeStartObject();
    generator.writeStringField("jsonrpc", "2.0");
    if (response.response() instanceof Success success) {
      generator.writeFieldName("result");
      JsonValues.writeValue(generator, success.value());
    } else if (response.response() instanceof Fault fault) {
      generator.writeObjectFieldStart("error");
      generator.writeNumberField("code", fault.code());
      generator.writeStringField("message", fault.message());
      generator.writeObjectFieldStart("data");
      // The type first, for the reader; a fault's data has no order of its own.
      generator.writeStringField("type", fault.type());
      for (Map.Entry<String, Object> member : fault.data().entrySet()) {
        if (!member.getKey().equals("type")) {
          generator.writeFieldName(member.getKey());
          JsonValues.writeValue(generator, member.getValue());
        }
      }
      generator.writeEndObject();
      generator.writeEndObject();
    }
    writeId(generator, response.id());
    generator.writeEndObject();
  }

  private static void writeId(JsonGenerator generator, JsonRpcId id) throws IOException {
    generator.writeFieldName("id");
    if (id instanceof JsonRpcId.StringId text) {
      generator.writeString(text.value());
    } else if (id instanceof JsonRpcId.NumberId number) {
      generator.writeNumber(number.literal());
    } else {
      generator.writeNull();
    }
  }
}
