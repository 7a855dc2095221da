package io.rpcservices.master.store.durable;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link ByteWriter} wrote. Reading past the end, or a malformed field, throws {@link
 * CorruptRecordException}.
 */
final class ByteReader {
  private final byte[] bytes;
  private int position;

  ByteReader(byte[] bytes, int position) {
    this.bytes = bytes;
    this.position = position;
  }

  int readByte() {
    need(1);
    return bytes[position++] & 0xFF;
  }

  int readInt() {
    need(4);
    int value = 0;
    for (int i = 0; i < 4; i++) {
      value = (value << 8) | (bytes[position++] & 0xFF);
    }
    return value;
  }

  long readLong() {
    need(8);
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (bytes[position++] & 0xFF);
    }
    return value;
  }

  int readVarint() {
    int value = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      int group = readByte();
      value |= (group & 0x7F) << shift;
      if ((group & 0x80) == 0) {
        if (value < 0) {
          throw new CorruptRecordException("negative length " + value);
        }
        return value;
      }
    }
    throw new CorruptRecordException("length longer than 5 bytes");
  }

  byte[] readBytes(int length) {
    need(length);
    byte[] value = new byte[length];
    System.arraycopy(bytes, position, value, 0, length);
    position += length;
    return value;
  }

  String readString() {
    int form = readByte();
    int length = readVarint();
    if (form == 0) {
      need(length);
      String value = new String(bytes, position, length, StandardCharsets.UTF_8);
      position += length;
      return value;
    }
    if (form != 1) {
      throw new CorruptRecordException("unknown string form " + form);
    }
    need(2L * length);
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = (char) (((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF));
      position += 2;
    }
    return new String(chars);
  }

  /** Checks that the whole record was read. */
  void end() {
    if (position != bytes.length) {
      throw new CorruptRecordException((bytes.length - position) + " bytes left over");
    }
  }

  private void need(long count) {
    if (count > bytes.length - position) {
      throw new CorruptRecordException("record ends early");
    }
  }
}
