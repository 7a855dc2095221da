package io.rpcservices.master.store.durable;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The binary encoding of values inside the engine's records: a tag byte, then the value, so that
 * every value of the value table (DESIGN.md) reads back as it was: {@code Integer} stays {@code
 * Integer} and {@code Long} stays {@code Long}, doubles keep every bit, {@code LocalDateTime} keeps
 * its nanoseconds, structs keep their member order, nil stays nil. Other Java types that the wire
 * accepts are stored as the wire would send them ({@code Short} as {@code Integer}, {@code Float}
 * as {@code Double}, {@code Instant} and {@code Date} as UTC {@code LocalDateTime}, collections as
 * lists). Never Java serialization.
 */
final class ValueCodec {
  private static final int NIL = 0;
  private static final int INT = 1;
  private static final int I8 = 2;
  private static final int FALSE = 3;
  private static final int TRUE = 4;
  private static final int STRING = 5;
  private static final int DOUBLE = 6;
  private static final int DATE_TIME = 7;
  private static final int BASE64 = 8;
  private static final int STRUCT = 9;
  private static final int ARRAY = 10;

  private ValueCodec() {}

  static byte[] encode(@Nullable Object value) {
    ByteWriter out = new ByteWriter(16);
    write(out, value);
    return out.toByteArray();
  }

  static @Nullable Object decode(byte[] bytes) {
    ByteReader in = new ByteReader(bytes, 0);
    Object value = read(in);
    in.end();
    return value;
  }

  /**
   * Writes {@code value}.
   *
   * @throws IllegalArgumentException for a value outside the value table
   */
  static void write(ByteWriter out, @Nullable Object value) {
    if (value == null) {
      out.writeByte(NIL);
    } else if (value instanceof String string) {
      out.writeByte(STRING).writeString(string);
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      out.writeByte(INT).writeInt(((Number) value).intValue());
    } else if (value instanceof Long number) {
      out.writeByte(I8).writeLong(number);
    } else if (value instanceof Boolean bool) {
      out.writeByte(bool ? TRUE : FALSE);
    } else if (value instanceof Double || value instanceof Float) {
      out.writeByte(DOUBLE).writeLong(Double.doubleToRawLongBits(((Number) value).doubleValue()));
    } else if (value instanceof byte[] bytes) {
      out.writeByte(BASE64).writeVarint(bytes.length).writeBytes(bytes);
    } else if (value instanceof Map<?, ?> map) {
      writeStruct(out, map);
    } else if (value instanceof Collection<?> collection) {
      out.writeByte(ARRAY).writeVarint(collection.size());
      for (Object element : collection) {
        write(out, element);
      }
    } else if (value instanceof Object[] array) {
      write(out, Arrays.asList(array));
    } else if (value instanceof CharSequence || value instanceof Character) {
      out.writeByte(STRING).writeString(value.toString());
    } else {
      writeDateTime(out, toUtc(value));
    }
  }

  static @Nullable Object read(ByteReader in) {
    int tag = in.readByte();
    switch (tag) {
      case NIL:
        return null;
      case INT:
        return in.readInt();
      case I8:
        return in.readLong();
      case FALSE:
        return Boolean.FALSE;
      case TRUE:
        return Boolean.TRUE;
      case STRING:
        return in.readString();
      case DOUBLE:
        return Double.longBitsToDouble(in.readLong());
      case DATE_TIME:
        return readDateTime(in);
      case BASE64:
        return in.readBytes(in.readVarint());
      case STRUCT:
        return readStruct(in);
      case ARRAY:
        return readArray(in);
      default:
        throw new CorruptRecordException("unknown value tag " + tag);
    }
  }

  /** Writes an instant (UTC seconds and nanoseconds). */
  static void writeInstant(ByteWriter out, Instant instant) {
    out.writeLong(instant.getEpochSecond()).writeInt(instant.getNano());
  }

  static Instant readInstant(ByteReader in) {
    long seconds = in.readLong();
    int nanos = in.readInt();
    try {
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (RuntimeException e) {
      throw new CorruptRecordException("bad instant " + seconds + "s " + nanos + "ns");
    }
  }

  private static void writeStruct(ByteWriter out, Map<?, ?> map) {
    out.writeByte(STRUCT).writeVarint(map.size());
    for (Map.Entry<?, ?> member : map.entrySet()) {
      if (!(member.getKey() instanceof String name)) {
        throw new IllegalArgumentException(
            "struct member name: " + member.getKey() + " (expected: a string)");
      }
      out.writeString(name);
      write(out, member.getValue());
    }
  }

  private static Map<String, @Nullable Object> readStruct(ByteReader in) {
    int size = in.readVarint();
    Map<String, @Nullable Object> struct = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      String name = in.readString();
      struct.put(name, read(in));
    }
    return struct;
  }

  private static List<@Nullable Object> readArray(ByteReader in) {
    int size = in.readVarint();
    List<@Nullable Object> array = new ArrayList<>(Math.min(size, 1024));
    for (int i = 0; i < size; i++) {
      array.add(read(in));
    }
    return array;
  }

  private static void writeDateTime(ByteWriter out, LocalDateTime dateTime) {
    out.writeByte(DATE_TIME);
    writeInstant(out, dateTime.toInstant(ZoneOffset.UTC));
  }

  private static LocalDateTime readDateTime(ByteReader in) {
    Instant instant = readInstant(in);
    try {
      return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    } catch (RuntimeException e) {
      throw new CorruptRecordException("bad dateTime " + instant);
    }
  }

  private static LocalDateTime toUtc(Object value) {
    if (value instanceof LocalDateTime local) {
      return local;
    } else if (value instanceof Instant instant) {
      return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    } else if (value instanceof Date date) {
      // getTime(), not toInstant(): java.sql.Date.toInstant() throws.
      return LocalDateTime.ofInstant(Instant.ofEpochMilli(date.getTime()), ZoneOffset.UTC);
    } else if (value instanceof OffsetDateTime offset) {
      return offset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    } else if (value instanceof ZonedDateTime zoned) {
      return zoned.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    throw new IllegalArgumentException(
        "value of type " + value.getClass().getName() + " (expected: a type of the value table)");
  }
}
