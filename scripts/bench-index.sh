#!/usr/bin/env bash
# Generates NOTES synthetic notes, indexes them, re-indexes after touching 1%, and measures query
# latency (figures for docs/benchmarks.md). Usage: scripts/bench-index.sh 10000 [SEED]
# Same as: scripts/notesearch-bench index --notes NOTES --seed SEED
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/notesearch-bench" index --notes "${1:-1000}" --seed "${2:-1}"
