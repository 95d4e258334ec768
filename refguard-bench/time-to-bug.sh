#!/usr/bin/env bash
# Time to bug of refguard's default search on the bug-finding corpus, one cold JVM per program, as
# Fray runs each program in a JVM of its own (fray.sh): the side of the comparison with Fray's
# "Elapsed time". Optional and not part of CI; about two minutes.
#   refguard-bench/time-to-bug.sh                  # every program, 10 s budget each
#   BUDGET=30s refguard-bench/time-to-bug.sh 'reorder-.*' 'seed-.*'
# Prints one Markdown row per program: the runs to the bug and the milliseconds the exploration
# took (search, simplification and report, measured inside the JVM), or "-" when none was found.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${BUDGET:-10s}
mvn -B -ntp -q -pl refguard-bench -am package -DskipTests
jar=$PWD/refguard-bench/target/benchmarks.jar

patterns=("$@")
[ ${#patterns[@]} -gt 0 ] || patterns=('.*')
matches() { local n=$1 p; for p in "${patterns[@]}"; do [[ $n =~ ^($p)$ ]] && return 0; done; return 1; }

echo "| program | refguard default: runs (ms) |"
echo "|---|---|"
java -cp "$jar" io.refguard.bench.search.FrayMain --list | while read -r name expected; do
  matches "$name" || continue
  line=$(java -cp "$jar" io.refguard.bench.search.SearchBench --strategies default --only "$name" \
    --budget "$budget" --fix-budget 1ms 2>&1 >/dev/null | grep -o 'bug [A-Z_]* after [0-9]* runs, [0-9]* ms' | head -1 || true)
  if [ -n "$line" ]; then
    runs=$(sed 's/.* after \([0-9]*\) runs.*/\1/' <<<"$line"); ms=$(sed 's/.* runs, \([0-9]*\) ms/\1/' <<<"$line")
    echo "| $name | $runs ($ms ms) |"
  else
    echo "| $name | - |"
  fi
done
