#!/usr/bin/env bash
# Runs Fray 0.9.2 on refguard's bug-finding corpus (the same programs SearchBench explores), for a
# side-by-side table. Optional and slow: not part of CI. Needs Temurin 25 (Fray's instrumented JDK
# is linked from it once, into refguard-bench/target/fray, a few minutes) and Maven Central.
#   refguard-bench/fray.sh                                   # every program, random/pos/pct, 30 s each
#   BUDGET=10 SCHEDULERS="random pos" refguard-bench/fray.sh 'reorder-.*' 'wrong-lock-.*'
#   VARIANT=fixed refguard-bench/fray.sh                     # false alarms on the fixes
# Prints one Markdown row per program: for each scheduler, the iteration at which Fray reported an
# error and its elapsed time, or "-" when it found none within BUDGET seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
jdk25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
budget=${BUDGET:-30}
schedulers=${SCHEDULERS:-random pos pct}
variant=${VARIANT:-buggy}
dir=$PWD/refguard-bench/target/fray
[ -x "$jdk25/bin/jlink" ] || { echo "fray.sh: no JDK 25 at $jdk25; set JDK25" >&2; exit 2; }

if [ ! -x "$dir/fray-java/bin/java" ]; then
  echo "fray.sh: fetching Fray 0.9.2 and linking its instrumented JDK into $dir" >&2
  mkdir -p "$dir"
  dep() { echo "<dependency><groupId>$1</groupId><artifactId>$2</artifactId><version>0.9.2</version></dependency>"; }
  pom() { # $1: file, rest: dependencies
    local f=$1; shift
    printf '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion><groupId>local</groupId><artifactId>%s</artifactId><version>1</version><dependencies>%s</dependencies></project>\n' \
      "$(basename "$f" .xml)" "$*" > "$f"
  }
  pom "$dir/fray-run.xml" "$(dep org.pastalab.fray fray-core)" "$(dep org.pastalab.fray fray-runtime)" \
    "$(dep org.pastalab.fray.instrumentation fray-instrumentation-agent)" "$(dep org.pastalab.fray fray-jvmti-linux-x8664)"
  pom "$dir/fray-jdk.xml" "$(dep org.pastalab.fray.instrumentation fray-instrumentation-jdk)"
  mvn -B -ntp -q -f "$dir/fray-run.xml" dependency:copy-dependencies -DoutputDirectory="$dir/lib"
  mvn -B -ntp -q -f "$dir/fray-jdk.xml" dependency:copy-dependencies -DoutputDirectory="$dir/jdk-lib"
  (cd "$dir" && unzip -o -q -j lib/fray-jvmti-linux-x8664-0.9.2.jar libjvmti.so)
  cp=$(ls "$dir"/jdk-lib/*.jar | paste -sd:)
  # Temurin 25 has no jmods/: jlink links from the run-time image, which cannot include jdk.jlink.
  mods=$("$jdk25/bin/java" --list-modules | sed 's/@.*//' | grep -v '^jdk.jlink$\|^jdk.jpackage$' | paste -sd,)
  "$jdk25/bin/jlink" -J-javaagent:"$dir/jdk-lib/fray-instrumentation-jdk-0.9.2.jar" -J--module-path="$cp" \
    -J--add-modules=org.pastalab.fray.instrumentation.jdk -J--class-path="$cp" --output="$dir/fray-java" \
    --add-modules="$mods" --release-info add:IMPLEMENTOR=Fray --fray-instrumentation >/dev/null
fi

mvn -B -ntp -q -pl refguard-bench -am package -DskipTests
jar=$PWD/refguard-bench/target/benchmarks.jar
fray_cp=$(ls "$dir"/lib/*.jar | paste -sd:)
opens=""
for p in java.lang java.util java.io java.util.concurrent.atomic java.lang.reflect java.lang.invoke \
         jdk.internal.misc jdk.internal.access sun.nio.ch; do
  opens="$opens --add-opens java.base/$p=ALL-UNNAMED"
done

patterns=("$@")
[ ${#patterns[@]} -gt 0 ] || patterns=('.*')
matches() { local n=$1 p; for p in "${patterns[@]}"; do [[ $n =~ ^($p)$ ]] && return 0; done; return 1; }

printf '| program (%s) |' "$variant"; for s in $schedulers; do printf ' fray %s |' "$s"; done; echo
printf '|---|'; for s in $schedulers; do printf -- '---|'; done; echo
"$jdk25/bin/java" -cp "$jar" io.refguard.bench.search.FrayMain --list | while read -r name expected; do
  matches "$name" || continue
  printf '| %s |' "$name"
  for s in $schedulers; do
    out=$dir/out/$variant/$name/$s
    rm -rf "$out"; mkdir -p "$out"
    # Fray's PCT can hang past its own timeout on yield spin loops: bound every run from outside.
    timeout $((budget + 60)) "$dir/fray-java/bin/java" -ea -Drefguard.program="$name" -Drefguard.variant="$variant" \
      -agentpath:"$dir/libjvmti.so" -javaagent:"$dir/lib/fray-instrumentation-agent-0.9.2.jar" $opens \
      --enable-native-access=ALL-UNNAMED -cp "$fray_cp" org.pastalab.fray.core.MainKt --run-config cli \
      --clazz io.refguard.bench.search.FrayMain --method main -cp "$jar" -o "$out" --iter -1 \
      --timeout "$budget" --scheduler "$s" --network-delegate-type none --system-time-delegate-type none \
      --sleep-as-yield --redirect-stdout >"$out/stdout.txt" 2>&1 || true
    found=$(grep -ho 'Error found at iter: [0-9]*, step: [0-9]*, Elapsed time: [0-9]*ms' "$out/fray.log" 2>/dev/null | head -1 || true)
    if [ -n "$found" ]; then
      iter=$(sed 's/.*iter: \([0-9]*\),.*/\1/' <<<"$found"); ms=$(sed 's/.*time: \([0-9]*\)ms/\1/' <<<"$found")
      printf ' %s (%s ms) |' "$iter" "$ms"
    else
      printf ' - |'
    fi
  done
  echo
done
