#!/usr/bin/env bash
# Runs the JMH benchmarks (figures for docs/benchmarks.md). Not part of ./mvnw verify, which only
# runs each benchmark once as a smoke test. Extra arguments go to JMH, e.g. a benchmark name regex
# and -f 1 -wi 3 -i 5.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
java_bin="$("$root/notesearch" --print-java)"
(cd "$root" && ./mvnw -q -B -DskipTests package -pl bench -am)
cd "$root"
exec "$java_bin" --enable-native-access=ALL-UNNAMED -Dnotesearch.corpus="$root/corpus" \
  -cp "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main "$@"
