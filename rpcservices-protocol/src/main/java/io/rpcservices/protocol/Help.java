package io.rpcservices.protocol;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Help text for a service method, returned by {@code system.methodHelp}.
 *
 * <pre>{@code
 * @Help("Multiplies two numbers.")
 * public int multiply(int x, int y) { return x * y; }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Help {
  /** The help text. */
  String value();
}
