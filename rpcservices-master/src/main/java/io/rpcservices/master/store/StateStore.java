package io.rpcservices.master.store;

/** Where the built-in services keep their state: the SPI that durable stores plug into. */
public interface StateStore extends AutoCloseable {
  /** What store this is and where, for {@code master.info}, such as {@code memory}. */
  String description();

  @Override
  void close();
}
