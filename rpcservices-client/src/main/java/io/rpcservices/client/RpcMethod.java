package io.rpcservices.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the wire method a proxy method calls, when it differs from the Java name.
 *
 * <pre>{@code
 * @RpcMethod("import")
 * boolean importAll(List<Object> items);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RpcMethod {
  /** The method name on the wire, after the service name and the dot. */
  String value();
}
