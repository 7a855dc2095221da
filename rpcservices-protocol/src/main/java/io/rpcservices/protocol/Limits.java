package io.rpcservices.protocol;

/**
 * Bounds on what a codec accepts, so that hostile input is refused before it costs memory or
 * stack.
 *
 * <pre>{@code
 * Limits limits = Limits.builder().maxBodyBytes(1 << 20).maxDepth(32).build();
 * }</pre>
 *
 * @param maxBodyBytes the largest body in bytes
 * @param maxDepth the deepest nesting of arrays and structs
 * @param maxElements the most values (scalars, arrays and structs) in one message
 * @param maxStringChars the longest string, base64 text or member name, in characters
 */
public record Limits(long maxBodyBytes, int maxDepth, int maxElements, int maxStringChars) {

  /** The defaults: 16 MiB bodies, depth 64, one million values, 16 Mi characters per string. */
  public static final Limits DEFAULT = new Limits(16L << 20, 64, 1_000_000, 16 << 20);

  /** Checks that every bound is positive. */
  public Limits {
    requirePositive("maxBodyBytes", maxBodyBytes);
    requirePositive("maxDepth", maxDepth);
    requirePositive("maxElements", maxElements);
    requirePositive("maxStringChars", maxStringChars);
  }

  private static void requirePositive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
    }
  }

  /** A builder that starts from {@link #DEFAULT}. */
  public static Builder builder() {
    return new Builder(DEFAULT);
  }

  /** A builder that starts from these limits. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link Limits}; each setter replaces one bound. */
  public static final class Builder {
    private long maxBodyBytes;
    private int maxDepth;
    private int maxElements;
    private int maxStringChars;

    Builder(Limits from) {
      maxBodyBytes = from.maxBodyBytes;
      maxDepth = from.maxDepth;
      maxElements = from.maxElements;
      maxStringChars = from.maxStringChars;
    }

    /** Sets the largest body in bytes. */
    public Builder maxBodyBytes(long maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** Sets the deepest nesting of arrays and structs. */
    public Builder maxDepth(int maxDepth) {
      this.maxDepth = maxDepth;
      return this;
    }

    /** Sets the most values in one message. */
    public Builder maxElements(int maxElements) {
      this.maxElements = maxElements;
      return this;
    }

    /** Sets the longest string in characters. */
    public Builder maxStringChars(int maxStringChars) {
      this.maxStringChars = maxStringChars;
      return this;
    }

    /** The limits. */
    public Limits build() {
      return new Limits(maxBodyBytes, maxDepth, maxElements, maxStringChars);
    }
  }
}
