#!/usr/bin/env bash
# Times whole `notesearch search` processes on the bundled notes against `rg -F -l` on the same
# folder, in one run, and prints medians, ratios and peak RSS (figures for docs/benchmarks.md): a cold
# search (NOTESEARCH_DAEMON=off: a JVM per search) and a search answered by the daemon that the first
# search of the index left behind, 5 s later (WARM=seconds).
# Needs hyperfine and ripgrep (Debian: apt-get install hyperfine ripgrep).
# RELEASE=dist/notesearch-VERSION-linux-x64.tar.gz adds the release (./mvnw -Pdist package), extracted
# to a temporary folder, beside the checkout's launcher: the same searches, in the same run, cold and
# through the daemon (the release's launcher has no check for changed sources).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
for tool in hyperfine rg; do
  command -v "$tool" >/dev/null || { echo "bench-cli: needs $tool (apt-get install hyperfine ripgrep)" >&2; exit 2; }
done
runs="${RUNS:-20}"
index="$(mktemp -d)/index"
# Set before the first search, which leaves the daemon behind, so that an interrupted run stops it too.
trap './notesearch daemon stop --index "$index" >/dev/null 2>&1 || true' EXIT
./notesearch index --index "$index" corpus/notes >/dev/null
./notesearch search --index "$index" -n 1 warm-up >/dev/null 2>&1 || true # build, startup cache, the daemon
daemon=""
for _ in $(seq 1 150); do ./notesearch daemon status --index "$index" >/dev/null 2>&1 && { daemon=up; break; }; sleep 0.2; done
if [ -z "$daemon" ]; then
  # Without it the daemon rows would time cold searches under the daemon's name.
  echo "bench-cli: no daemon answered for $index within 30 s of the first search" \
    "(its log: ${TMPDIR:-/tmp}/notesearch-daemon-$(id -u).log)" >&2
  exit 1
fi
# A user's second search comes seconds after the first, which left the daemon: by then the daemon
# has warmed its JIT up (DaemonCommand, at most 4 s, and only until a client asks). Timing it at once
# would time the warm-up, which no user waits for. WARM=0 times it so.
sleep "${WARM:-5}"

release=""
if [ -n "${RELEASE:-}" ]; then
  extracted="$(mktemp -d)"
  tar -C "$extracted" -xzf "$RELEASE"
  release="$(ls -d "$extracted"/notesearch-*/bin/notesearch)"
fi

queries=("로드 밸런서" "EC2" "람다 콜드 스타트")
out="$(mktemp)"
# The JVM's own start with the launcher's runtime, the yardstick of a cold search.
args=(-n "java -version" "$(./notesearch --print-java) -version")
for q in "${queries[@]}"; do
  args+=(-n "rg: $q" "rg -F -l '$q' corpus/notes")
  args+=(-n "notesearch: $q" "env NOTESEARCH_DAEMON=off ./notesearch search --index '$index' -n 10 '$q'")
  args+=(-n "daemon: $q" "./notesearch search --index '$index' -n 10 '$q'")
  [ -z "$release" ] || args+=(-n "release: $q" "env NOTESEARCH_DAEMON=off $release search --index '$index' -n 10 '$q'")
  [ -z "$release" ] || args+=(-n "release daemon: $q" "$release search --index '$index' -n 10 '$q'")
done
hyperfine -N --warmup 3 --runs "$runs" --export-json "$out" "${args[@]}" >/dev/null 2>&1 || \
  hyperfine --warmup 3 --runs "$runs" --export-json "$out" "${args[@]}" >/dev/null
python3 - "$out" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
by = {r["command"]: r for r in results}
release = any(r["command"].startswith("release: ") for r in results)
print(f"{'query':<18} {'rg -F -l median':>15} {'cold median':>12} {'ratio':>7} {'daemon median':>14} {'ratio':>7}"
      + (f" {'release median':>15} {'release/checkout':>17} {'release daemon':>15} {'ratio':>7}" if release else ""))
for name in [r["command"] for r in results if r["command"].startswith("rg: ")]:
    q = name[4:]
    rg = by[name]["median"] * 1000
    ns = by["notesearch: " + q]["median"] * 1000
    dm = by["daemon: " + q]["median"] * 1000
    line = f"{q:<18} {rg:>13.1f}ms {ns:>10.1f}ms {ns / rg:>6.1f}x {dm:>12.1f}ms {dm / rg:>6.1f}x"
    if release:
        rel = by["release: " + q]["median"] * 1000
        rd = by["release daemon: " + q]["median"] * 1000
        line += f" {rel:>13.1f}ms {rel / ns:>16.2f}x {rd:>13.1f}ms {rd / rg:>6.1f}x"
    print(line)
jvm = by["java -version"]["median"] * 1000
colds = [by[r["command"]]["median"] * 1000 for r in results if r["command"].startswith("notesearch: ")]
print(f"java -version (the launcher's runtime): {jvm:.1f}ms; cold search {min(colds) / jvm:.1f}-{max(colds) / jvm:.1f}x that")
PY
rss="$( { /usr/bin/time -f '%M' env NOTESEARCH_DAEMON=off ./notesearch search --index "$index" -n 10 "로드 밸런서" >/dev/null; } 2>&1 | tail -n 1)"
echo "peak RSS of one notesearch search process: $((rss / 1024)) MiB"
