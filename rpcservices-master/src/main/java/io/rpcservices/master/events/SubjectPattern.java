package io.rpcservices.master.events;

import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.FaultException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A subscription pattern: a subject in which each {@code *} matches any run of characters, so that
 * {@code crawler.*} matches {@code crawler.page} and {@code crawler.page.saved}, and {@code *}
 * alone matches every subject. Two patterns are equal when their texts are.
 */
final class SubjectPattern {
  /** The longest pattern or subject, in characters. */
  static final int MAX_LENGTH = 256;

  private final String text;
  private final Pattern regex;

  private SubjectPattern(String text) {
    this.text = text;
    String[] parts = text.split("\\*", -1);
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        regex.append(".*");
      }
      if (!parts[i].isEmpty()) {
        regex.append(Pattern.quote(parts[i]));
      }
    }
    this.regex = Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /**
   * The pattern {@code text}.
   *
   * @throws FaultException InvalidParams for an empty pattern or one over 256 characters
   */
  static SubjectPattern of(String text) {
    requireSubject("pattern", text);
    return new SubjectPattern(text);
  }

  /**
   * Checks a subject or pattern: not empty, at most 256 characters.
   *
   * @throws FaultException InvalidParams naming {@code what} otherwise
   */
  static void requireSubject(String what, String text) {
    if (text.isEmpty() || text.length() > MAX_LENGTH) {
      throw new FaultException(
          FaultCode.INVALID_PARAMS,
          what + ": '" + text + "' (expected: 1 to " + MAX_LENGTH + " characters)");
    }
  }

  /** Whether {@code subject} matches this pattern. */
  boolean matches(String subject) {
    return regex.matcher(subject).matches();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof SubjectPattern pattern && pattern.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** The pattern's text. */
  @Override
  public String toString() {
    return text;
  }
}
