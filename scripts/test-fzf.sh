#!/usr/bin/env bash
# README's fzf recipe, driven as a user would (run by .ci/run): the `nsf` function exactly as README
# gives it, in bash inside tmux with Debian's fzf; a Korean query is typed, the screen is read (hits
# listed, the section previewed), and Enter must open the first hit's note at its line in $EDITOR.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
fail() { echo "test-fzf: FAILED: $*" >&2; [ -n "${screen:-}" ] && printf '%s\n' "--- screen" "$screen" >&2; exit 1; }
for tool in tmux fzf; do
  command -v "$tool" >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$tool" >/dev/null 2>&1 || fail "no $tool"; }
done

work="$(mktemp -d)"
trap 'tmux -L nsf-test kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/bin"
ln -s "$root/notesearch" "$work/bin/notesearch"
./notesearch index -q --index "$work/index" corpus/notes
# The editor that Enter starts: writes down what it was asked to open.
printf '#!/bin/sh\nprintf "%%s\\n" "$@" > "%s/opened"\n' "$work" >"$work/bin/editor"
chmod +x "$work/bin/editor"

# The recipe: the bash block after README's marker.
sed -n '/<!-- fzf recipe/,/^```$/p' README.md | sed '1,2d;$d' >"$work/recipe.sh"
grep -q '^nsf()' "$work/recipe.sh" || fail "no nsf function after README's fzf marker"
cat >"$work/rc" <<EOF
export PATH="$work/bin:\$PATH" NOTESEARCH_INDEX="$work/index" EDITOR="$work/bin/editor" LANG=C.UTF-8 PS1='$ '
source "$work/recipe.sh"
EOF

tmux -L nsf-test -u -f /dev/null new-session -d -s t -x 180 -y 45 "bash --rcfile '$work/rc' -i"
sleep 1
tmux -L nsf-test send-keys -t t 'nsf' Enter
sleep 2
tmux -L nsf-test send-keys -t t -l '람다 콜드 스타트'
# Each keystroke reloads: wait for the list and the preview to settle.
screen=""
for _ in $(seq 1 40); do
  sleep 0.5
  screen="$(tmux -L nsf-test capture-pane -p -t t)"
  grep -q "aws-lambda-cold-start.md" <<<"$screen" && grep -q "^.*│ *#" <<<"$screen" && break
done
grep -q "notes> 람다 콜드 스타트" <<<"$screen" || fail "the query is not on fzf's prompt line"
grep -q "aws-lambda-cold-start.md" <<<"$screen" || fail "the lambda cold start note is not listed"
grep -q "│ *#" <<<"$screen" || fail "the preview shows no section heading"
# What Enter must open: the best hit, as --vimgrep gives it.
best="$(NOTESEARCH_INDEX="$work/index" NOTESEARCH_DAEMON=off ./notesearch search --vimgrep -n 1 '람다 콜드 스타트' 2>/dev/null | cut -d: -f1,2)"
tmux -L nsf-test send-keys -t t Enter
for _ in $(seq 1 20); do [ -s "$work/opened" ] && break; sleep 0.5; done
[ -s "$work/opened" ] || fail "Enter opened nothing"
mapfile -t opened <"$work/opened"
[[ "${opened[0]}" =~ ^\+[0-9]+$ ]] || fail "the editor got no +LINE: ${opened[*]}"
[ "${opened[1]}:${opened[0]#+}" = "$best" ] || fail "Enter opened ${opened[1]} at ${opened[0]}, the best hit is $best"
echo "test-fzf: passed (typed 람다 콜드 스타트; Enter opened the best hit, $best)"
