#!/bin/sh
# Wall time of one exhaustive exploration run as one process, against the same exploration split
# into N shards run side by side (explore --shard i/N), merged with refguard merge; alternating,
# ROUNDS times. Usage: refguard-bench/shards.sh [N] [CLASS] [BOUND]   (see docs/BENCHMARKS.md)
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
n=${1:-2}
class=${2:-io.refguard.cases.readpath.DoubleRead_02_RecheckUptodate}
bound=${3:-3}
rounds=${ROUNDS:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$root/refguard" help >/dev/null 2>&1 # builds the jar when it is stale, outside the timings
export REFGUARD_NO_BUILD=1
now() { date +%s.%N; }
r=1
while [ "$r" -le "$rounds" ]; do
    t0=$(now)
    /usr/bin/time -f "%U %S" -o "$out/whole.cpu" "$root/refguard" explore --class "$class" --strategy exhaustive --preemption-bound "$bound" --json >"$out/whole.json" 2>/dev/null
    t1=$(now)
    i=1
    while [ "$i" -le "$n" ]; do
        /usr/bin/time -f "%U %S" -o "$out/shard-$i.cpu" "$root/refguard" explore --class "$class" --strategy exhaustive --preemption-bound "$bound" --shard "$i/$n" --json >"$out/shard-$i.json" 2>/dev/null &
        i=$((i + 1))
    done
    wait
    t2=$(now)
    cpu1=$(awk '{ s += $1 + $2 } END { print s }' "$out/whole.cpu")
    cpun=$(awk '{ s += $1 + $2 } END { print s }' "$out"/shard-*.cpu)
    "$root/refguard" merge "$out"/shard-*.json >"$out/merged.txt"
    echo "round $r: 1 process $(echo "$t1 - $t0" | bc) s (cpu $cpu1 s); $n shards side by side $(echo "$t2 - $t1" | bc) s (cpu $cpun s); load $(cut -d' ' -f1 /proc/loadavg)"
    sed 's/.*"schedules":\([0-9]*\).*/  1 process: \1 runs/' "$out/whole.json"
    sed 's/.*"schedules":\([0-9]*\).*"shard":\(.*\)}$/  shard \2: \1 runs/' "$out"/shard-*.json
    sed 's/^/  merged: /' "$out/merged.txt" | cut -c1-160
    r=$((r + 1))
done
