package io.rpcservices.master.store.durable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array for keys and records, big-endian like {@link java.io.DataOutput}. */
final class ByteWriter {
  private byte[] bytes;
  private int size;

  ByteWriter(int capacity) {
    bytes = new byte[capacity];
  }

  ByteWriter writeByte(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
    return this;
  }

  ByteWriter writeInt(int value) {
    ensure(4);
    for (int shift = 24; shift >= 0; shift -= 8) {
      bytes[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  ByteWriter writeLong(long value) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      bytes[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  /** An unsigned number in 7-bit groups, low group first; small lengths take one byte. */
  ByteWriter writeVarint(int value) {
    int rest = value;
    while ((rest & ~0x7F) != 0) {
      writeByte((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    return writeByte(rest);
  }

  ByteWriter writeBytes(byte[] value) {
    ensure(value.length);
    System.arraycopy(value, 0, bytes, size, value.length);
    size += value.length;
    return this;
  }

  /**
   * A string that reads back exactly: UTF-8 with its length, or, for a string with surrogates
   * (which may be unpaired, and UTF-8 cannot carry those), its UTF-16 code units.
   */
  ByteWriter writeString(String value) {
    if (hasSurrogates(value)) {
      writeByte(1).writeVarint(value.length());
      ensure(2 * value.length());
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        bytes[size++] = (byte) (c >>> 8);
        bytes[size++] = (byte) c;
      }
      return this;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    return writeByte(0).writeVarint(utf8.length).writeBytes(utf8);
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  static boolean hasSurrogates(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isSurrogate(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
