package io.rpcservices.master.dispatch;

import java.util.List;

/** What introspection tells about one method: its name, help text and signatures. */
public interface MethodInfo {
  /** The full method name, such as {@code stack.pop}. */
  String name();

  /** The help text, {@code ""} if it has none. */
  String help();

  /** The XML-RPC signatures, one per overload: the result type, then the parameter types. */
  List<List<String>> signatures();
}
