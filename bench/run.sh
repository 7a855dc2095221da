#!/usr/bin/env bash
# Runs the benchmark with one command: builds the master and the harness (into target-bench, no
# install), then compares the master with Apache ws-xmlrpc 3.1.3 and runs the 10,000 waiters test.
# Prints a Markdown report on stdout (also written to bench/target-bench/results.md); progress and
# server logs go to stderr and bench/target-bench/server-*.log.
#
#   bench/run.sh            the full run, about 4 minutes
#   bench/run.sh --quick    a smoke run, under a minute
#   bench/run.sh --help     every option
set -euo pipefail
cd "$(dirname "$0")/.."
target="${RPC_TARGET:-target-bench}"

# 10,000 waiting connections take as many descriptors in the harness and in the master.
wanted=65536
if [ "$(ulimit -Hn)" != unlimited ] && [ "$(ulimit -Hn)" -lt "$wanted" ]; then
  ulimit -Hn "$wanted" 2>/dev/null || true
fi
hard="$(ulimit -Hn)"
if [ "$hard" = unlimited ] || [ "$hard" -ge "$wanted" ]; then
  ulimit -n "$wanted"
else
  ulimit -n "$hard"
fi
echo "[bench] open files limit: $(ulimit -n)" >&2

# The load average before our own build, for the report: other work on the machine skews figures.
BENCH_LOADAVG="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
export BENCH_LOADAVG
echo "[bench] load average: $BENCH_LOADAVG; building into $target" >&2
mvn -B -q -Drpc.target="$target" -Dmaven.test.skip=true -f bench/reactor-pom.xml package >&2

exec java -Xms512m -Xmx2g -jar "bench/$target/rpcservices-bench.jar" \
  --log-dir="bench/$target" --out="bench/$target/results.md" "$@"
