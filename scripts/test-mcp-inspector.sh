#!/usr/bin/env bash
# notesearch mcp under the reference MCP Inspector's command-line mode, from npm (run by .ci/run):
# lists the tools and calls search_notes and read_section as a client other than our own tests does.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
fail() { echo "test-mcp-inspector: FAILED: $*" >&2; exit 1; }
command -v npm >/dev/null || fail "no npm"
# 0.17.2: the newest Inspector that runs on Node.js 20, this machine's (later ones want 22).
version=0.17.2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm install --silent --no-audit --no-fund "@modelcontextprotocol/inspector@$version" >/dev/null 2>&1) \
  || fail "cannot install @modelcontextprotocol/inspector@$version from npm"
inspector=("$work/node_modules/.bin/mcp-inspector" --cli "$root/notesearch" mcp --index "$work/index")
./notesearch index -q --index "$work/index" corpus/notes

tools="$("${inspector[@]}" --method tools/list)" || fail "tools/list: $tools"
for t in search_notes read_section related_sections; do grep -q "\"name\": \"$t\"" <<<"$tools" || fail "no tool $t in: $tools"; done
found="$("${inspector[@]}" --method tools/call --tool-name search_notes --tool-arg 'query=EC2가 ELB를')" || fail "search_notes: $found"
grep -q '"isError": false' <<<"$found" && grep -q 'auto-scaling.md' <<<"$found" || fail "search_notes found no EC2/ELB section: $found"
path="$(grep -o '\\"path\\":\\"[^\\]*' <<<"$found" | head -n 1 | sed 's/.*\\"//')"
[ -n "$path" ] || fail "no path in: $found"
section="$("${inspector[@]}" --method tools/call --tool-name read_section --tool-arg "path=$path")" || fail "read_section: $section"
grep -q '"isError": false' <<<"$section" && grep -q 'markdown' <<<"$section" || fail "read_section: $section"
outside="$("${inspector[@]}" --method tools/call --tool-name read_section --tool-arg "path=/etc/passwd")" || true
grep -q '"isError": true' <<<"$outside" && ! grep -q 'root:' <<<"$outside" || fail "read /etc/passwd: $outside"
echo "test-mcp-inspector: passed (Inspector $version: tools listed, search_notes, read_section of $path, /etc/passwd refused)"
