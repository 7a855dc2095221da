package io.rpcservices.bench;

/**
 * One measured cell of the worker benchmark.
 *
 * @param workers math workers registered with the master
 * @param protocol {@code XML-RPC} or {@code JSON-RPC}
 * @param method the method called, {@code master.ping} or {@code math.multiply}
 * @param result what was measured
 */
record WorkerBenchRow(int workers, String protocol, String method, LoadResult result) {}
