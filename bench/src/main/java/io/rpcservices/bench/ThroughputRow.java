package io.rpcservices.bench;

/** One cell of the throughput matrix: a server, a workload, a connection count and the result. */
record ThroughputRow(ServerKind server, Workload workload, int connections, LoadResult result) {}
