#!/usr/bin/env bash
# The state store benchmark (issue 5): stack.push calls/s at 1, 16 and 64 connections against a
# master with the in-memory store, the durable store (--sync process, the default) and --sync
# fsync. Builds like run.sh (into target-bench, nothing installed) and prints a Markdown table.
#
#   bench/store-bench.sh                         10 s windows after 3 s of warm-up, all three stores,
#                                                three rounds, the median round of each reported
#   bench/store-bench.sh 5 2 memory,process 1    shorter, only the stores named, one round
set -euo pipefail
cd "$(dirname "$0")/.."
target="${RPC_TARGET:-target-bench}"
echo "[store-bench] load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)" >&2
mvn -B -q -Drpc.target="$target" -Dmaven.test.skip=true -f bench/reactor-pom.xml package
exec java -Xms512m -Xmx2g -cp "bench/$target/rpcservices-bench.jar" io.rpcservices.bench.StoreBench "$@"
