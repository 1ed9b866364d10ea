#!/usr/bin/env bash
# Generates NOTES synthetic notes, indexes them, re-indexes after touching 1%, and measures query
# latency (figures for docs/benchmarks.md). Usage: scripts/bench-index.sh 10000 [SEED]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
java_bin="$("$root/notesearch" --print-java)"
(cd "$root" && ./mvnw -q -B -DskipTests package -pl bench -am)
cd "$root"
exec "$java_bin" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xmx1g \
  -cp "bench/target/classes:bench/target/lib/*" io.notesearch.bench.IndexingBench "${1:-1000}" "${2:-1}"
