/**
 * Benchmark harness: a server-neutral XML-RPC load generator over keep-alive HTTP/1.1, the master
 * and Apache ws-xmlrpc as servers under test in their own processes, and the 10,000 waiters test.
 * Run it with {@code bench/run.sh}.
 */
@NullMarked
package io.rpcservices.bench;

import org.jspecify.annotations.NullMarked;
