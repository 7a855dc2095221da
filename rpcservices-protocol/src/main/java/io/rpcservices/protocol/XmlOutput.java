package io.rpcservices.protocol;

import java.util.Arrays;

/**
 * A growable byte array that XML text is written into as UTF-8, escaping as it goes. Faster than a
 * {@code Writer} stack and produces exactly the bytes sent.
 */
final class XmlOutput {
  private byte[] bytes;
  private int size;

  XmlOutput(int initialCapacity) {
    bytes = new byte[initialCapacity];
  }

  /** Appends markup or other text known to be ASCII, unescaped. */
  XmlOutput ascii(String text) {
    int length = text.length();
    ensure(length);
    for (int i = 0; i < length; i++) {
      bytes[size++] = (byte) text.charAt(i);
    }
    return this;
  }

  /** Appends the decimal digits of {@code value}. */
  XmlOutput number(long value) {
    if (value == Long.MIN_VALUE) {
      return ascii("-9223372036854775808");
    }
    // Digits straight into the buffer, lowest first, then reversed: no String per number.
    ensure(20);
    long rest = value;
    if (rest < 0) {
      bytes[size++] = '-';
      rest = -rest;
    }
    int start = size;
    do {
      bytes[size++] = (byte) ('0' + rest % 10);
      rest /= 10;
    } while (rest != 0);
    for (int low = start, high = size - 1; low < high; low++, high--) {
      byte digit = bytes[low];
      bytes[low] = bytes[high];
      bytes[high] = digit;
    }
    return this;
  }

  /**
   * Appends character data: {@code < & >} escaped (so {@code ]]>} never appears), CR as {@code
   * &#13;} so that it survives line-end normalization, other characters as UTF-8.
   *
   * @throws IllegalArgumentException for a character that XML 1.0 does not allow, such as U+0000 or
   *     an unpaired surrogate
   */
  XmlOutput text(CharSequence text) {
    int length = text.length();
    // Most text is ASCII: reserve for that and grow only when an escape or a wide char needs it.
    ensure(length);
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '<' && c != '&' && c != '>') {
          if (size == bytes.length) {
            ensure(length - i);
          }
          bytes[size++] = (byte) c;
        } else {
          asciiSpecial(c);
        }
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < length
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          codePoint(Character.toCodePoint(c, text.charAt(++i)));
        } else {
          throw notAllowed(c);
        }
      } else if (c >= 0xFFFE) {
        throw notAllowed(c);
      } else {
        codePoint(c);
      }
    }
    return this;
  }

  private void asciiSpecial(char c) {
    switch (c) {
      case '<' -> ascii("&lt;");
      case '&' -> ascii("&amp;");
      case '>' -> ascii("&gt;");
      case '\r' -> ascii("&#13;");
      case '\t', '\n' -> {
        ensure(1);
        bytes[size++] = (byte) c;
      }
      default -> throw notAllowed(c);
    }
  }

  private void codePoint(int codePoint) {
    ensure(4);
    if (codePoint < 0x800) {
      bytes[size++] = (byte) (0xC0 | codePoint >> 6);
      bytes[size++] = (byte) (0x80 | codePoint & 0x3F);
    } else if (codePoint < 0x10000) {
      bytes[size++] = (byte) (0xE0 | codePoint >> 12);
      bytes[size++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
      bytes[size++] = (byte) (0x80 | codePoint & 0x3F);
    } else {
      bytes[size++] = (byte) (0xF0 | codePoint >> 18);
      bytes[size++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
      bytes[size++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
      bytes[size++] = (byte) (0x80 | codePoint & 0x3F);
    }
  }

  /**
   * {@code text} with every character that XML 1.0 does not allow replaced by U+FFFD, for text that
   * must be sent whatever it holds, such as a fault string.
   */
  static String replaceNotAllowed(String text) {
    StringBuilder replaced = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      boolean allowed =
          pair
              || c == '\t'
              || c == '\n'
              || c == '\r'
              || (c >= 0x20 && c < 0xFFFE && !Character.isSurrogate(c));
      if (!allowed && replaced == null) {
        replaced = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (replaced != null) {
        replaced.append(allowed ? c : '\uFFFD');
        if (pair) {
          replaced.append(text.charAt(i + 1));
        }
      }
      if (pair) {
        i++;
      }
    }
    return replaced == null ? text : replaced.toString();
  }

  private static IllegalArgumentException notAllowed(char c) {
    return new IllegalArgumentException(
        "character not allowed in XML 1.0: U+" + String.format("%04X", (int) c));
  }

  /** Appends raw bytes that are already valid, such as base64 output. */
  XmlOutput raw(byte[] data) {
    ensure(data.length);
    System.arraycopy(data, 0, bytes, size, data.length);
    size += data.length;
    return this;
  }

  private void ensure(int more) {
    if (bytes.length - size < more) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  /** The bytes written. */
  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }
}
