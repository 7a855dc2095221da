#!/usr/bin/env bash
# The crawler benchmark: pages per second with 1, 2, 4 and 8 crawler processes against a generated
# site on loopback whose pages answer after 50 ms, with an in-memory master in the harness's JVM.
# Builds the module's test classes (into target-bench, no install), then runs CrawlBench.
# Prints a Markdown report on stdout; progress goes to stderr. Takes about five to ten minutes.
#
#   examples/webcrawler/bench.sh [PAGES=600] [LATENCY_MS=50] [CRAWLERS=1,2,4,8] [REPEATS=3]
set -euo pipefail
cd "$(dirname "$0")/../.."
target="${RPC_TARGET:-target-bench}"

# The load average before our own build, for the report: other work on the machine skews figures.
echo "[bench] $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
mvn -B -q -Drpc.target="$target" -DskipTests -pl examples/webcrawler -am test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$target/bench.classpath" >&2

module="examples/webcrawler/$target"
exec java -Xmx1g -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -cp "$module/test-classes:$module/classes:$(cat "$module/bench.classpath")" \
  io.rpcservices.examples.webcrawler.CrawlBench "$@"
