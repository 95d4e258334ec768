#!/usr/bin/env bash
# Builds the benchmark jar, runs the JMH benchmarks given as regular expressions (default: all),
# with JMH's allocation profiler, and prints the side-by-side tables that docs/BENCHMARKS.md quotes.
#   refguard-bench/run.sh                       # everything (about 5 minutes on 2 cores)
#   refguard-bench/run.sh TrackedBench          # one class
#   ROUNDS=3 refguard-bench/run.sh 'AcquireReleaseBench|NettyAdapterBench'
# ROUNDS=n runs every selected benchmark once per round, one fork each, so that refguard's forks
# and its peers' alternate in time and see the same background load; the tables give the mean of
# the rounds, with the larger of JMH's error and the rounds' spread.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl refguard-bench -am package -DskipTests
rounds=${ROUNDS:-1}
rm -f refguard-bench/target/results-*.csv
files=()
for r in $(seq 1 "$rounds"); do
  out=refguard-bench/target/results-$r.csv
  if [ "$rounds" -gt 1 ]; then
    java -jar refguard-bench/target/benchmarks.jar -f 1 -prof gc -rf csv -rff "$out" "$@"
  else
    java -jar refguard-bench/target/benchmarks.jar -prof gc -rf csv -rff "$out" "$@"
  fi
  files+=("$out")
done
echo
echo "## Side by side ($(java -version 2>&1 | head -1), $(nproc) cores, $rounds round(s))"
java -cp refguard-bench/target/benchmarks.jar io.refguard.bench.SideBySide "${files[@]}"
