package io.rpcservices.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the service an interface calls, for {@link RpcClient#create(Class)}.
 *
 * <pre>{@code
 * @RpcService("math")
 * interface MathApi {
 *   int multiply(int x, int y);
 * }
 * MathApi math = client.create(MathApi.class);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RpcService {
  /** The service name, the part of the wire method name before the dot. */
  String value();
}
