#!/usr/bin/env bash
# Builds the benchmark jar and runs the bug-finding benchmark (SearchBench): every program of the
# corpus, buggy and fixed, with the default search and every strategy; prints a Markdown table.
#   refguard-bench/search.sh                                  # 30 s per program and search: hours
#   refguard-bench/search.sh --budget 5s --fix-budget 2s      # about 25 minutes on 2 cores
#   refguard-bench/search.sh --budget 1s --fix-budget 300ms --only 'reorder-.*' --seeds 3
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl refguard-bench -am package -DskipTests
java -cp refguard-bench/target/benchmarks.jar io.refguard.bench.search.SearchBench "$@"
