#!/bin/bash
# Explores every program of this corpus with refguard's default options (plus a time budget) on
# JDK 17 and on Temurin 25, and prints one line per program and JDK:
#
#   NAME JDK EXPECTED GOT SECONDS
#
# EXPECTED is "bug" for a Bug program and "no-failure" for its Fix; GOT is the verdict the exit
# status gave (0 no failure, 1 bug, 4 inconclusive). Full outputs go to target/logs. A summary of
# right and wrong verdicts per JDK ends the output. Not part of the build: it takes about an hour.
#
#   refguard-bench/programs/run.sh [NAME_REGEX]
#
# Environment: JDK17 and JDK25 (java binaries; default: java on the PATH and
# /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; JDK25=none skips it), BUDGET (default 60s), OUT
# (default ./target), OPTIONS (more options of `refguard explore`, e.g. "--timeouts early"), JAR
# (the command-line jar to run; default refguard-cli/target/refguard.jar, built when missing: a
# copy lets the build go on while the corpus runs).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
filter=${1:-.}
jar=${JAR:-$root/refguard-cli/target/refguard.jar}
java17=${JDK17:-java}
java25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
budget=${BUDGET:-60s}
out=${OUT:-$here/target}
mkdir -p "$out/logs"

if [ ! -f "$jar" ]; then
    (cd "$root" && mvn -B -q -ntp -pl refguard-cli -am package -DskipTests) >&2 || exit 3
fi

# Library programs take their jars from Maven Central.
if [ ! -d "$out/libs" ]; then
    mvn -B -q -ntp -f "$here/libs/pom.xml" dependency:copy-dependencies \
        -DoutputDirectory="$out/libs" >&2 || exit 3
fi
libcp=$(ls "$out"/libs/*.jar | tr '\n' ':')

javac17=$(dirname "$(command -v "$java17")")/javac
javac25=$(dirname "$java25")/javac
compile() { # javac release dir sources...
    local javac=$1 release=$2 dir=$3
    shift 3
    mkdir -p "$dir"
    "$javac" -nowarn -encoding UTF-8 --release "$release" -d "$dir" -cp "$libcp" "$@" || exit 3
}
compile "$javac17" 17 "$out/classes17" \
    $(find "$here/jdk/src" "$here/apps/src" "$here/libs/src" -name '*.java' ! -name 'Vt*')
have25=0
if [ -x "$java25" ]; then
    have25=1
    compile "$javac25" 21 "$out/classes21" $(find "$here/jdk/src" -name 'Vt*.java')
fi

programs() { # main classes, by their class files
    (cd "$out/classes17" && find programs -name '*.class' \
        \( -path 'programs/jdk/*' -o -path 'programs/libs/*' -o -name 'Main.class' \) \
        ! -name '*$*' ! -path '*/harness/*' | sed 's/\.class$//; s#/#.#g' | sort)
}

explore() { # class jdk-name java classpath
    local class=$1 jdk=$2 java=$3 cp=$4 expected got rc t0 t1
    case $class in *Bug | *.bug.*) expected=bug ;; *) expected=no-failure ;; esac
    t0=$(date +%s.%N)
    "$java" -jar "$jar" explore --class "$class" --classpath "$cp" --max-time "$budget" \
        ${OPTIONS:-} > "$out/logs/$class.$jdk.txt" 2>&1
    rc=$?
    t1=$(date +%s.%N)
    case $rc in 0) got=no-failure ;; 1) got=bug ;; 4) got=inconclusive ;; *) got=error-$rc ;; esac
    printf '%s %s %s %s %.1f\n' "$class" "$jdk" "$expected" "$got" "$(echo "$t1 - $t0" | bc)"
}

{
    for class in $(programs); do
        [[ $class =~ $filter ]] || continue
        explore "$class" jdk17 "$java17" "$out/classes17:$libcp"
        [ $have25 = 1 ] && explore "$class" jdk25 "$java25" "$out/classes17:$libcp"
    done
    if [ $have25 = 1 ]; then
        for class in $(cd "$out/classes21" && find programs -name 'Vt*.class' ! -name '*$*' \
            | sed 's/\.class$//; s#/#.#g' | sort); do
            [[ $class =~ $filter ]] || continue
            explore "$class" jdk25 "$java25" "$out/classes21"
        done
    fi
} | tee "$out/results.txt"

awk '{ n[$2]++; if ($3 == $4) ok[$2]++ }
     END { for (j in n) printf "%s: %d of %d verdicts right\n", j, ok[j], n[j] }' "$out/results.txt"
