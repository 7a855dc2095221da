package io.rpcservices.master.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.master.JsonRpcWire;
import io.rpcservices.master.Master;
import io.rpcservices.master.WireClient;
import io.rpcservices.master.WsPeer;
import io.rpcservices.protocol.Success;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A value stored through one protocol comes back equal through the other, under the value table of
 * DESIGN.md (JSON has no binary or date type: those come back as base64 and date strings).
 */
class CrossProtocolTest {
  private final Master master = Master.builder().port(0).build().start();
  private final WireClient xml = new WireClient(master);
  private final JsonRpcWire json = new JsonRpcWire(master);

  @AfterEach
  void closeMaster() {
    master.close();
  }

  @Test
  void pushedThroughXmlRpcPopsEqualThroughJsonRpc() {
    Map<String, @Nullable Object> value = jsonValue();
    value.put("bytes", new byte[] {1, 2, 3});
    value.put("when", LocalDateTime.of(2026, 11, 23, 10, 0));
    xml.value("stack.create", "mixed");
    xml.value("stack.push", "mixed", value);

    Map<String, @Nullable Object> expected = jsonValue();
    expected.put("bytes", "AQID");
    expected.put("when", "20261123T10:00:00");
    assertThat(json.value("stack.pop", "mixed")).isEqualTo(expected);
  }

  @Test
  void pushedThroughJsonRpcPopsEqualThroughXmlRpc() {
    json.value("stack.create", "mixed");
    json.value("stack.push", "mixed", jsonValue());

    assertThat(xml.value("stack.pop", "mixed")).isEqualTo(jsonValue());
  }

  @Test
  void setThroughWebSocketReadsEqualThroughXmlRpc() {
    try (WsPeer peer = WsPeer.connect(master)) {
      assertThat(peer.call("storage.create", "settings")).isEqualTo(new Success("settings"));
      assertThat(peer.call("storage.setParameter", "settings", "all", jsonValue()))
          .isEqualTo(new Success(true));
    }

    assertThat(xml.value("storage.getParameter", "settings", "all")).isEqualTo(jsonValue());
  }

  /** A value of every type that JSON has, nested. */
  private static Map<String, @Nullable Object> jsonValue() {
    Map<String, @Nullable Object> value = new LinkedHashMap<>();
    value.put("int", 42);
    value.put("negative", -7);
    value.put("long", 1L << 40);
    value.put("double", 1.5);
    value.put("true", true);
    value.put("false", false);
    value.put("text", "h\u00e9llo <&> \"quoted\" \ud83d\ude00");
    value.put("empty", "");
    value.put("nil", null);
    List<@Nullable Object> list = new ArrayList<>(Arrays.asList(1, "two", null, List.of(3.25)));
    value.put("list", list);
    value.put("struct", Map.of("inner", Map.of()));
    return value;
  }
}
