#!/usr/bin/env bash
# Compares the explorer's speed at two revisions on the reference model (2 actors x 10 points,
# exhaustive within preemption bound 2), alternating A, B, A, B so both see the same background
# load. Each side is one JVM running ThroughputMain for ROUNDS explorations; its score is the
# median runs/s of the last 20 (after the JIT warmed up). Prints one line per pair and the medians.
#   refguard-bench/throughput-ab.sh 6195b91 HEAD          # 8 pairs of 40 rounds
#   PAIRS=4 ROUNDS=60 refguard-bench/throughput-ab.sh A B
set -euo pipefail
cd "$(dirname "$0")/.."
a=${1:?usage: throughput-ab.sh REV_A REV_B}
b=${2:?usage: throughput-ab.sh REV_A REV_B}
pairs=${PAIRS:-8}
rounds=${ROUNDS:-40}
work=refguard-bench/target/throughput-ab
rm -rf "$work"
for side in A B; do
  rev=$a
  [ "$side" = B ] && rev=$b
  mkdir -p "$work/$side"
  git archive "$rev" | tar -x -C "$work/$side"
  (cd "$work/$side" && mvn -B -ntp -q -pl refguard-explore -am test-compile -DskipTests)
done
classpath() { echo "$work/$1/refguard-core/target/classes:$work/$1/refguard-explore/target/classes:$work/$1/refguard-explore/target/test-classes"; }
score() {
  java -cp "$(classpath "$1")" io.refguard.explore.bench.ThroughputMain "$rounds" \
    | sed -n 's/.*(\([0-9]*\) runs\/s).*/\1/p' | tail -20 | sort -n \
    | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'
}
sa=()
sb=()
for i in $(seq 1 "$pairs"); do
  x=$(score A)
  y=$(score B)
  sa+=("$x")
  sb+=("$y")
  echo "pair $i: A $x runs/s, B $y runs/s, B/A $(awk -v x="$x" -v y="$y" 'BEGIN {printf "%.2f", y/x}'), load $(cut -d' ' -f1 /proc/loadavg)"
done
med() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
ma=$(med "${sa[@]}")
mb=$(med "${sb[@]}")
echo "median over pairs: A $ma runs/s ($a), B $mb runs/s ($b), B/A $(awk -v x="$ma" -v y="$mb" 'BEGIN {printf "%.2f", y/x}')"
