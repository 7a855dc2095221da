#!/usr/bin/env bash
# Issue 3's benchmark with one command: math.multiply through the master to 1, then 3, example
# math workers (each a JVM of its own) against the built-in master.ping, over XML-RPC and
# JSON-RPC, at 64 connections. About 3 minutes. Builds into $RPC_TARGET (target-bench by default,
# no install); prints a Markdown section on stdout (also written to bench/<target>/workers.md);
# logs go to bench/<target>/server-master.log and worker-*.log.
#
#   bench/workers.sh [--warmup=S] [--duration=S] [--connections=N] [--workers=N,N]
set -euo pipefail
cd "$(dirname "$0")/.."
target="${RPC_TARGET:-target-bench}"

# The load average before our own build, for the report: other work on the machine skews figures.
BENCH_LOADAVG="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
export BENCH_LOADAVG
echo "[workers] load average: $BENCH_LOADAVG; building into $target" >&2
mvn -B -q -Drpc.target="$target" -Dmaven.test.skip=true -f bench/reactor-pom.xml package

exec java -Xms256m -Xmx1g -cp "bench/$target/rpcservices-bench.jar" \
  io.rpcservices.bench.WorkerBench \
  --log-dir="bench/$target" --out="bench/$target/workers.md" "$@"
