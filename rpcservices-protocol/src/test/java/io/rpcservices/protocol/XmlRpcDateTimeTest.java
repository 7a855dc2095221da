package io.rpcservices.protocol;

import static io.rpcservices.protocol.XmlRpcFixtures.stream;
import static io.rpcservices.protocol.XmlRpcFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Date-times go through unchanged whatever the JVM's default time zone. */
class XmlRpcDateTimeTest {
  /** A wall-clock time that does not exist in Europe/Paris: clocks jump from 02:00 to 03:00. */
  private static final LocalDateTime IN_PARIS_DST_GAP = LocalDateTime.of(2026, 3, 29, 2, 30);

  private static final TimeZone ORIGINAL = TimeZone.getDefault();

  private final XmlRpcCodec codec = new XmlRpcCodec(Limits.DEFAULT);

  @AfterEach
  void restoreDefaultTimeZone() {
    TimeZone.setDefault(ORIGINAL);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"})
  void encodeAndDecodeUnchangedInAnyDefaultZone(String zone) {
    TimeZone.setDefault(TimeZone.getTimeZone(zone));
    Instant instant = IN_PARIS_DST_GAP.toInstant(ZoneOffset.UTC);
    RpcRequest request =
        RpcRequest.of(
            "test.echo",
            IN_PARIS_DST_GAP,
            instant,
            Date.from(instant),
            OffsetDateTime.of(IN_PARIS_DST_GAP.plusHours(2), ZoneOffset.ofHours(2)),
            instant.atZone(ZoneId.of("Asia/Tokyo")),
            LocalDateTime.of(1, 1, 1, 0, 0));

    byte[] encoded = codec.encodeRequest(request);

    assertThat(new String(encoded, StandardCharsets.UTF_8))
        .isEqualTo(text("datetime-encoded-request.xml"));
    assertThat(codec.decodeRequest(new ByteArrayInputStream(encoded)).params())
        .containsExactly(
            IN_PARIS_DST_GAP,
            IN_PARIS_DST_GAP,
            IN_PARIS_DST_GAP,
            IN_PARIS_DST_GAP,
            IN_PARIS_DST_GAP,
            LocalDateTime.of(1, 1, 1, 0, 0));
    assertThat(codec.decodeRequest(stream("datetime-formats-request.xml")).params())
        .endsWith(IN_PARIS_DST_GAP);
  }

  @Test
  void parseForms() {
    LocalDateTime expected = LocalDateTime.of(2026, 11, 23, 10, 0, 5);

    assertThat(XmlRpcDateTime.parse("20261123T10:00:05")).isEqualTo(expected);
    assertThat(XmlRpcDateTime.parse("2026-11-23T10:00:05")).isEqualTo(expected);
    assertThat(XmlRpcDateTime.parse("20261123T10:00:05Z")).isEqualTo(expected);
    assertThat(XmlRpcDateTime.parse("20261123T100005")).isEqualTo(expected);
    assertThat(XmlRpcDateTime.parse("20261123T10:00:05.250"))
        .isEqualTo(expected.withNano(250_000_000));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2026112T10:00:00",
        "20261123 10:00:00",
        "2026-1123T10:00:00",
        "20261123T10:0000",
        "20261123T10:00:00+02:00",
        "20261123T10:00:00.",
        "20261123T10:00:00ZZ",
        "２０２６1123T10:00:00"
      })
  void parseNothingFromOtherForms(String text) {
    assertThat(XmlRpcDateTime.parse(text)).isNull();
  }

  @Test
  void formatDropsFractionOfSecond() {
    StringBuilder out = new StringBuilder();

    XmlRpcDateTime.format(LocalDateTime.of(987, 6, 5, 4, 3, 2, 999_999_999), out);

    assertThat(out).hasToString("09870605T04:03:02");
  }
}
