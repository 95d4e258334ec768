#!/usr/bin/env bash
# Builds the benchmark jar, runs the JMH benchmarks given as regular expressions (default: all),
# and prints the side-by-side tables that docs/BENCHMARKS.md quotes.
#   refguard-bench/run.sh                       # everything (about 5 minutes on 2 cores)
#   refguard-bench/run.sh TrackedBench          # one class
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl refguard-bench -am package -DskipTests
out=refguard-bench/target/results.csv
java -jar refguard-bench/target/benchmarks.jar -rf csv -rff "$out" "$@"
echo
echo "## Side by side ($(java -version 2>&1 | head -1), $(nproc) cores)"
java -cp refguard-bench/target/benchmarks.jar io.refguard.bench.SideBySide "$out"
