#!/usr/bin/env bash
# The automatic daemon, through the launcher (run by .ci/run): the first search of an index leaves a
# daemon behind, later searches are answered by it with the same output, it sees a re-index, survives
# kill -9, a stale port file and a rebuilt jar, stays off when asked, serves only its own user, a full disk costs
# nothing but the daemon, and serve is the daemon while it runs. A JVM that starts prints "Picked up JAVA_TOOL_OPTIONS": a search without that
# line was answered by the daemon.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
fail() { echo "test-auto-daemon: FAILED: $*" >&2; exit 1; }
command -v flock >/dev/null || fail "no flock (util-linux)"

work="$(mktemp -d)"
chmod 755 "$work"
indexes=()
cleanup() {
  for i in "${indexes[@]}"; do NOTESEARCH_DAEMON=off ./notesearch daemon stop --index "$i" >/dev/null 2>&1 || true; done
  mountpoint -q "$work/small" 2>/dev/null && umount "$work/small"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "test-auto-daemon: FAILED at line $LINENO: $BASH_COMMAND" >&2' ERR
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data"
mkdir -p "$HOME"
unset NOTESEARCH_DAEMON NOTESEARCH_INDEX

index="$work/index"
indexes+=("$index")
./notesearch index -q --index "$index" corpus/notes
query=(search --index "$index" -n 5 "EC2가 ELB를")

alive() { ./notesearch daemon status --index "$1" >/dev/null 2>&1; }
wait_daemon() { for _ in $(seq 1 150); do alive "$1" && return 0; sleep 0.2; done; return 1; }
# Gone, or a zombie that nobody has reaped yet (a container's init may be slow to): dead either way.
dead() {
  local state
  state="$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null || true)"
  [ -z "$state" ] || [ "$state" = Z ]
}
# Runs a search; sets $out, and $jvm to yes when a JVM started for it.
search() {
  local err
  err="$(mktemp)"
  out="$(JAVA_TOOL_OPTIONS=-Dnotesearch.test=1 ./notesearch "$@" 2>"$err")" || true
  if grep -q "Picked up JAVA_TOOL_OPTIONS" "$err"; then jvm=yes; else jvm=no; fi
  rm -f "$err"
}

echo "== the first search leaves a daemon behind"
alive "$index" && fail "a daemon before any search"
search "${query[@]}"
expected="$out"
[ "$jvm" = yes ] || fail "the first search did not run in-process"
[ -n "$expected" ] || fail "the first search found nothing"
wait_daemon "$index" || fail "no daemon after the first search (log: $(cat "${TMPDIR:-/tmp}/notesearch-daemon-$(id -u).log" 2>/dev/null))"

echo "== later searches are the daemon's, with the same output"
search "${query[@]}"
[ "$jvm" = no ] || fail "the second search started a JVM"
[ "$out" = "$expected" ] || fail "the daemon's answer differs:
$expected
---
$out"

echo "== related, glossary, links and show are answered by it too, with the same output"
for cmd in "related --index $index $root/corpus/notes/aws/elb-alb-nlb.md" "glossary --index $index" \
    "links --index $index $root/corpus/notes/aws/elb-alb-nlb.md" \
    "show corpus/notes/aws/elb-alb-nlb.md:22"; do
  # shellcheck disable=SC2086 # the words of $cmd are its arguments
  in_process="$(NOTESEARCH_INDEX="$index" NOTESEARCH_DAEMON=off ./notesearch $cmd 2>/dev/null)" || true # links: exit 1 for a note without any
  # shellcheck disable=SC2086
  NOTESEARCH_INDEX="$index" search $cmd
  [ "$jvm" = no ] || fail "$cmd started a JVM"
  [ "$out" = "$in_process" ] || fail "$cmd differs through the daemon:
$in_process
---
$out"
done

echo "== a re-index is seen at the next search"
mkdir -p "$work/more"
printf '# 잔지바르\n\nzanzibarword 라는 낱말은 여기에만 있다.\n' >"$work/more/zanzibar.md"
search search --index "$index" -l zanzibarword
[ -z "$out" ] || fail "zanzibarword found before it was indexed"
./notesearch index -q --index "$index" "$work/more"
search search --index "$index" -l zanzibarword
[ "$jvm" = no ] && [[ "$out" == *zanzibar.md* ]] || fail "the daemon did not see the re-index (jvm=$jvm): $out"

echo "== one daemon per index, whatever starts at once"
pid="$(./notesearch daemon status --index "$index" | sed -n 's/^daemon pid \([0-9]*\) .*/\1/p')"
NOTESEARCH_DAEMON=off ./notesearch "${query[@]}" >/dev/null # in-process, as a racing first search would be
sleep 1
[ "$(pgrep -fc "daemon run --index $index ")" = 1 ] || fail "more than one daemon for the index: $(pgrep -fa "daemon run")"

echo "== kill -9 leaves a stale port file: the next search runs in-process and starts a new daemon"
kill -9 "$pid"
for _ in $(seq 1 50); do dead "$pid" && break; sleep 0.1; done
search "${query[@]}"
[ "$out" = "$expected" ] || fail "after kill -9 the search differs: $out"
newpid=""
for _ in $(seq 1 150); do
  newpid="$(./notesearch daemon status --index "$index" 2>/dev/null | sed -n 's/^daemon pid \([0-9]*\) .*/\1/p' || true)"
  [ -n "$newpid" ] && [ "$newpid" != "$pid" ] && break
  sleep 0.2
done
[ -n "$newpid" ] && [ "$newpid" != "$pid" ] || fail "no new daemon after kill -9 (status: $newpid)"

echo "== a daemon whose jar is rebuilt under it steps aside: the search runs in-process, the old daemon goes"
touch cli/target/notesearch.jar # what the launcher does after each build
search "${query[@]}"
[ "$jvm" = yes ] || fail "a daemon of the replaced jar answered"
[ "$out" = "$expected" ] || fail "after a rebuild the search differs: $out"
for _ in $(seq 1 50); do dead "$newpid" && break; sleep 0.2; done
dead "$newpid" || fail "the daemon of the replaced jar is still running"
search "${query[@]}"
wait_daemon "$index" || fail "no daemon of the new jar"

echo "== NOTESEARCH_DAEMON=off, and daemon = off in notesearch.conf, start none"
./notesearch daemon stop --index "$index" >/dev/null
NOTESEARCH_DAEMON=off ./notesearch "${query[@]}" >/dev/null
sleep 3
alive "$index" && fail "NOTESEARCH_DAEMON=off started a daemon"
mkdir -p "$XDG_CONFIG_HOME/notesearch"
printf '# no daemon for me\ndaemon = off\n' >"$XDG_CONFIG_HOME/notesearch/notesearch.conf"
search "${query[@]}"
sleep 3
alive "$index" && fail "daemon = off in notesearch.conf started a daemon"
rm "$XDG_CONFIG_HOME/notesearch/notesearch.conf"

echo "== serve is its index's daemon while it runs, and takes over from a running one"
search "${query[@]}" && wait_daemon "$index" || fail "no daemon before serve"
expected="$(NOTESEARCH_DAEMON=off ./notesearch "${query[@]}" 2>/dev/null)"
./notesearch serve --index "$index" --port 0 >"$work/serve.out" 2>"$work/serve.err" &
serve_pid=$!
for _ in $(seq 1 150); do grep -q "serving" "$work/serve.out" 2>/dev/null && break; sleep 0.2; done
grep -q "serving" "$work/serve.out" || fail "serve did not start: $(cat "$work/serve.err")"
status="$(./notesearch daemon status --index "$index")"
[[ "$status" == "daemon pid $serve_pid "* ]] || fail "serve is not the daemon: $status"
[ "$(pgrep -fc "daemon run --index $index ")" = 0 ] || fail "the daemon serve took over still runs"
search "${query[@]}"
[ "$jvm" = no ] || fail "a search while serve runs started a JVM"
[ "$out" = "$expected" ] || fail "serve's answer differs: $out"
kill "$serve_pid" && wait "$serve_pid" || true
alive "$index" && fail "serve left its daemon file behind"

if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1 && command -v setpriv >/dev/null; then
  echo "== another user: not served by this user's daemon, and starts none in an index not theirs"
  search "${query[@]}" && wait_daemon "$index" || fail "no daemon for the owner"
  other="$work/other"
  mkdir -p "$other" && chown nobody "$other"
  other_out="$(cd / && setpriv --reuid=nobody --regid=nogroup --clear-groups env -i PATH=/usr/bin:/bin HOME="$other" \
    JAVA_TOOL_OPTIONS=-Dnotesearch.test=1 "$root/notesearch" "${query[@]}" 2>"$work/other.err")" || true
  grep -q "Picked up JAVA_TOOL_OPTIONS" "$work/other.err" || fail "another user was answered by this user's daemon"
  [ "$other_out" = "$(cd / && NOTESEARCH_DAEMON=off "$root/notesearch" "${query[@]}" 2>/dev/null)" ] \
    || fail "another user's search differs: $other_out"
  [ "$(pgrep -fc "daemon run --index $index ")" = 1 ] || fail "another user's search started a daemon"

  echo "== a full disk: the daemon cannot start, the search is not hurt"
  mkdir -p "$work/small"
  mount -t tmpfs -o size=40m tmpfs "$work/small"
  small="$work/small/index"
  indexes+=("$small")
  cp -r "$index" "$small"
  rm -f "$small"/daemon.*
  dd if=/dev/zero of="$work/small/fill" bs=1M count=100 2>/dev/null || true
  err="$(./notesearch search --index "$small" -n 5 "EC2가 ELB를" 2>&1 >/dev/null)" || fail "search on a full disk: $err"
  [ -z "$err" ] || fail "search on a full disk said: $err"
  sleep 3
  alive "$small" && fail "a daemon without room for its port file"
  umount "$work/small"
fi
echo "test-auto-daemon: passed"
