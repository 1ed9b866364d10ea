#!/usr/bin/env bash
# The release, tried as a user would (run by .ci/run; needs root for apt-get, unshare and a second user):
# builds the archive and the Debian package, installs each, and from / with no JDK visible (a tmpfs over
# /usr/lib/jvm, JAVA_HOME unset) indexes notes, searches them and compares the output with the
# checkout's, reads the man page, completes `notesearch se<TAB>` (search, serve) in bash, and uninstalls.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
fail() { echo "test-install: FAILED: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "run as root (apt-get install, unshare, a second user)"
command -v unshare >/dev/null || fail "no unshare (util-linux)"
command -v man >/dev/null || { apt-get install -y -q man-db >/dev/null || fail "no man, and man-db cannot be installed"; }
command -v zsh >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -q zsh >/dev/null || fail "no zsh, and it cannot be installed"; }

echo "== build: ./mvnw -Pdist package -DskipTests"
./mvnw -B -q -Pdist package -DskipTests -pl dist -am
version="$(sed -n 's/^version=//p' cli/target/classes/io/notesearch/cli/version.properties)"
commit="$(sed -n 's/^commit=//p' cli/target/classes/io/notesearch/cli/version.properties)"
archive="dist/notesearch-$version-linux-x64.tar.gz"
deb="$(ls dist/notesearch_*_amd64.deb)"
[ -f "$archive" ] || fail "no $archive"
for f in "$archive" "$deb"; do echo "  $f: $(du -m "$f" | cut -f1) MB"; done

work="$(mktemp -d)"
chmod 755 "$work"
notes="$work/my notes"
cp -r corpus/notes "$notes"
# A note as old Windows editors saved it (CP949), with front matter: the runtime's charsets and YAML.
printf -- '---\ntitle: "옛 노트"\ntags: [legacy]\n---\n\n## 인코딩\n\n옛 윈도우 메모장은 CP949로 저장했다.\n' \
  | iconv -f UTF-8 -t CP949 >"$notes/cp949.md"

# Runs a command from / as a user without a JDK: /usr/lib/jvm is an empty tmpfs (so /usr/bin/java
# leads nowhere), JAVA_HOME is unset, and PATH has only the system's folders.
no_jdk() {
  unshare --mount --fork env -u JAVA_HOME -u NOTESEARCH_INDEX -u JAVA_TOOL_OPTIONS PATH="$1:/usr/bin:/bin" \
    HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CACHE_HOME="$work/home/cache" XDG_CONFIG_HOME="$work/home/config" \
    bash -c 'mount -t tmpfs none /usr/lib/jvm && cd / && shift && "$@"' _ "$@"
}
mkdir -p "$work/home"

# The checkout's answers, for comparison (the checkout's own launcher, with its JDK).
expected_index="$work/checkout-index"
./notesearch index -q --index "$expected_index" "$notes"
expected="$(cd / && ./"${root#/}"/notesearch search --index "$expected_index" -n 5 "EC2가 ELB를")"
expected_json="$(cd / && ./"${root#/}"/notesearch search --index "$expected_index" --json -n 3 "옛 윈도우 메모장")"
[ -n "$expected" ] || fail "the checkout found nothing"

# What zsh's line editor shows after `notesearch sea<TAB>`, with the completion folder $1 on fpath
# (zsh -f: no user configuration), typed into a real terminal (zpty).
zsh_completion() {
  zsh -f -c '
    zmodload zsh/zpty
    zpty -b z "zsh -f -i"
    zpty -w z "PS1=\"> \"; fpath=($1 \$fpath); autoload -U compinit; compinit -u"
    sleep 0.5; zpty -w -n z $'"'"'notesearch sea\t'"'"'; sleep 2
    out=""; while zpty -r -t z line; do out+="$line"; done
    zpty -d z; print -r -- "$out"' _ "$1" | tr -d '\r' | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g'
}

# Everything a user does with an installed notesearch, run through $1 (a PATH folder with notesearch).
try_install() {
  local bin="$1" man_page="$2" completion="$3" index="$work/home/data/notesearch/index"
  rm -rf "$work/home" && mkdir -p "$work/home"
  no_jdk "$bin" bash -c 'command -v java && exit 1; exit 0' || fail "a java is visible"
  local v
  v="$(no_jdk "$bin" notesearch --version)"
  grep -q "^notesearch $version (commit $commit)" <<<"$v" || fail "--version: $v"
  grep -q "^Lucene 10\." <<<"$v" || fail "--version has no Lucene version: $v"
  grep -q "runtime)$" <<<"$v" || fail "not on the release's own runtime: $v"
  # No index yet: the bundled sample notes are searched.
  no_jdk "$bin" notesearch search "로드 밸런서" 2>/dev/null | grep -q "elb-alb-nlb.md:" || fail "the sample search found no ELB note"
  no_jdk "$bin" notesearch index "$notes" >/dev/null 2>&1 || fail "index"
  [ -f "$index/segments_1" ] || ls "$index"/segments_* >/dev/null || fail "no index in the user's data folder"
  local got got_json
  got="$(no_jdk "$bin" notesearch search --index "$index" -n 5 "EC2가 ELB를")"
  [ "$got" = "$expected" ] || fail "search output differs from the checkout's:
--- checkout
$expected
--- installed
$got"
  got_json="$(no_jdk "$bin" notesearch search --index "$index" --json -n 3 "옛 윈도우 메모장")"
  [ "$got_json" = "$expected_json" ] || fail "--json differs from the checkout's (CP949 note):
$expected_json
$got_json"
  grep -q 'cp949.md' <<<"$got_json" || fail "the CP949 note was not found"
  # An assistant's session on the release's runtime (Jackson, Reactor and the MCP SDK load there).
  local mcp
  mcp="$(printf '%s\n' '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}' \
      '{"jsonrpc":"2.0","method":"notifications/initialized"}' \
      '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"search_notes","arguments":{"query":"EC2가 ELB를","limit":1}}}' \
    | { cat; sleep 8; } | no_jdk "$bin" notesearch mcp --index "$index" 2>/dev/null)"
  grep -q '"id":2,"result":{"content":\[{"type":"text","text":"{\\"hits\\":\[{\\"path\\"' <<<"$mcp" || fail "notesearch mcp: $mcp"
  # The searches above left a daemon for the index (the first search of an index does).
  no_jdk "$bin" notesearch daemon stop --index "$index" >/dev/null 2>&1 || true
  # Errors stay one line with the documented exit code.
  local code=0 err
  err="$(no_jdk "$bin" notesearch search --index "$work/none" x 2>&1 >/dev/null)" || code=$?
  [ "$code" = 3 ] && [ "$(wc -l <<<"$err")" = 1 ] || fail "a missing index: exit $code, $err"
  # Another user: the install is not theirs to write; their caches and index are their own.
  local other="$work/other"
  mkdir -p "$other" && chown nobody:nogroup "$other"
  setpriv --reuid=nobody --regid=nogroup --clear-groups env -i PATH="$bin:/usr/bin:/bin" HOME="$other" \
    bash -c 'cd / && notesearch search "로드 밸런서"' 2>"$work/other.err" | grep -q "elb-alb-nlb.md:" \
    || fail "another user's search: $(cat "$work/other.err")"
  grep -qi "denied\|warning" "$work/other.err" && fail "another user's search complained: $(cat "$work/other.err")"
  # The man page.
  MANWIDTH=80 man "$man_page" 2>/dev/null | grep -q "notesearch - Search your Markdown notes" || fail "man $man_page"
  MANWIDTH=80 man "$man_page" 2>/dev/null | grep -q "NOTESEARCH_INDEX" || fail "man $man_page lacks the environment"
  # notesearch se<TAB> in bash.
  local words
  words="$(bash -c 'source "$1"; COMP_WORDS=(notesearch se); COMP_CWORD=1; COMP_LINE="notesearch se"; COMP_POINT=${#COMP_LINE}
    _complete_notesearch notesearch se notesearch; printf "%s " "${COMPREPLY[@]}"' _ "$completion")"
  [ "$words" = "search serve " ] || fail "completing 'notesearch se' gave [$words]"
  words="$(bash -c 'source "$1"; COMP_WORDS=(notesearch search --js); COMP_CWORD=2; COMP_LINE="notesearch search --js"; COMP_POINT=${#COMP_LINE}
    _complete_notesearch notesearch --js search 2>/dev/null; printf "%s\n" "${COMPREPLY[@]}"' _ "$completion")"
  [ "$words" = --json ] || fail "completing 'notesearch search --js' gave [$words]"
  # And in zsh, from the folder its _notesearch is in.
  zsh_completion "$(dirname "$4")" | grep -q "notesearch search" || fail "zsh did not complete 'notesearch sea' from $4"
}

echo "== the archive: extracted anywhere, reached through a symlink in a bin folder"
mkdir -p "$work/opt" "$work/bin"
tar -C "$work/opt" -xzf "$archive"
home="$work/opt/notesearch-$version-linux-x64"
ln -s "$home/bin/notesearch" "$work/bin/notesearch"
chmod -R a-w "$home" # an install folder may be read-only
try_install "$work/bin" "$home/share/man/man1/notesearch.1" "$home/share/completions/notesearch.bash" "$home/share/completions/_notesearch"
[ -z "$(find "$home" -newer "$archive" -print -quit)" ] || fail "the install folder was written to: $(find "$home" -newer "$archive")"
echo "   ok: runs without a JDK, from /, through a symlink; same output as the checkout; man page; completion"

echo "== the Debian package: apt-get install ./$(basename "$deb")"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "./$deb" >/dev/null
[ -x /opt/notesearch/bin/notesearch ] && [ -L /usr/bin/notesearch ] || fail "not installed to /opt/notesearch with /usr/bin/notesearch"
[ -f /usr/share/bash-completion/completions/notesearch ] && [ -f /usr/share/zsh/vendor-completions/_notesearch ] || fail "completions not installed"
try_install /usr/bin notesearch /usr/share/bash-completion/completions/notesearch /usr/share/zsh/vendor-completions/_notesearch
user_index="$work/home/data/notesearch/index"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -q notesearch >/dev/null
left="$(dpkg -L notesearch 2>/dev/null || true)"
[ -z "$left" ] || fail "dpkg still lists files: $left"
for p in /opt/notesearch /usr/bin/notesearch /usr/share/man/man1/notesearch.1.gz /usr/share/bash-completion/completions/notesearch \
    /usr/share/zsh/vendor-completions/_notesearch /usr/share/doc/notesearch; do
  [ ! -e "$p" ] && [ ! -L "$p" ] || fail "$p is left after apt-get remove"
done
ls "$user_index"/segments_* >/dev/null || fail "apt-get remove took the user's index"
echo "   ok: installed to /opt/notesearch, same checks, removed without leftovers (the user's index stays)"
rm -rf "$work"
echo "test-install: passed"
