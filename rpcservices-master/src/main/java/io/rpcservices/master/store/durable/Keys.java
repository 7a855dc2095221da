package io.rpcservices.master.store.durable;

import java.nio.charset.StandardCharsets;

/**
 * The keys of the engine's records. The first byte tells the kind, so that a scan in key order
 * meets every stack, storage and client before the items, parameters and messages that belong to
 * it. Items, reservations, parameters and messages are keyed by the numeric id of their owner, then
 * by a position (big-endian, so key order is number order), so that removing an owner is one range
 * deletion.
 *
 * <pre>
 *   0x00 "format"                          format version (int)
 *   0x10 stack name                        stack id
 *   0x11 stack id, index                   item at that index, bottom = 0
 *   0x12 stack id, sequence                reservation (ticket, deadline, item)
 *   0x20 storage name                      storage id
 *   0x21 storage id, parameter name        first-set sequence, value
 *   0x30 client name                       client record
 *   0x31 mailbox id, sequence              pending message
 * </pre>
 */
final class Keys {
  static final int META = 0x00;
  static final int STACK = 0x10;
  static final int ITEM = 0x11;
  static final int RESERVATION = 0x12;
  static final int STORAGE = 0x20;
  static final int PARAMETER = 0x21;
  static final int CLIENT = 0x30;
  static final int MESSAGE = 0x31;

  static final byte[] FORMAT = {META, 'f', 'o', 'r', 'm', 'a', 't'};

  // Never the first byte of UTF-8: marks a name stored as UTF-16 because it has surrogates.
  private static final int UTF16 = 0xFF;

  private Keys() {}

  /** The key of a named owner: a stack, a storage or a client. */
  static byte[] named(int kind, String name) {
    return new ByteWriter(1 + name.length())
        .writeByte(kind)
        .writeBytes(nameBytes(name))
        .toByteArray();
  }

  /** The key of an item, reservation or message: its owner's id and its position. */
  static byte[] member(int kind, long owner, long position) {
    return new ByteWriter(17).writeByte(kind).writeLong(owner).writeLong(position).toByteArray();
  }

  /** The key of a storage parameter. */
  static byte[] parameter(long storage, String parameter) {
    return new ByteWriter(9 + parameter.length())
        .writeByte(PARAMETER)
        .writeLong(storage)
        .writeBytes(nameBytes(parameter))
        .toByteArray();
  }

  /** The first key of an owner's members of {@code kind}. */
  static byte[] first(int kind, long owner) {
    return new ByteWriter(9).writeByte(kind).writeLong(owner).toByteArray();
  }

  /** The key after the last of an owner's members of {@code kind}. */
  static byte[] end(int kind, long owner) {
    return first(kind, owner + 1);
  }

  /** The name in a key made by {@link #named} or {@link #parameter}, from {@code offset}. */
  static String name(byte[] key, int offset) {
    if (offset < key.length && (key[offset] & 0xFF) == UTF16) {
      int length = (key.length - offset - 1) / 2;
      char[] chars = new char[length];
      for (int i = 0; i < length; i++) {
        int at = offset + 1 + 2 * i;
        chars[i] = (char) (((key[at] & 0xFF) << 8) | (key[at + 1] & 0xFF));
      }
      return new String(chars);
    }
    return new String(key, offset, key.length - offset, StandardCharsets.UTF_8);
  }

  /** The owner id in a key made by {@link #member} or {@link #parameter}. */
  static long owner(byte[] key) {
    return new ByteReader(key, 1).readLong();
  }

  /** The position in a key made by {@link #member}. */
  static long position(byte[] key) {
    if (key.length != 17) {
      throw new CorruptRecordException("member key of " + key.length + " bytes (expected: 17)");
    }
    return new ByteReader(key, 9).readLong();
  }

  private static byte[] nameBytes(String name) {
    if (!ByteWriter.hasSurrogates(name)) {
      return name.getBytes(StandardCharsets.UTF_8);
    }
    ByteWriter out = new ByteWriter(1 + 2 * name.length()).writeByte(UTF16);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      out.writeByte(c >>> 8).writeByte(c);
    }
    return out.toByteArray();
  }
}
