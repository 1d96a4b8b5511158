#!/usr/bin/env bash
# Figures, not assertions: `revierjobs import` of N generated JobPosting records (JSON Lines,
# scripts/jobpostings.py) into a new embedded SurrealKV database, then the same input again (every
# record unchanged). Prints listings per second, wall time and peak resident memory of each run.
# Usage: scripts/bench-import.sh path/to/release/revierjobs   (BENCH_IMPORT sets N, default 100000)
set -euo pipefail
bin=$(realpath "$1")
n=${BENCH_IMPORT:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$(dirname "$0")/jobpostings.py" "$n" > "$work/ads.jsonl"
echo "import of $n JobPosting records ($(du -m "$work/ads.jsonl" | cut -f1) MB JSON Lines) into embedded SurrealKV"
run() {
  local label=$1
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" import --db "surrealkv://$work/db" --source bench "$work/ads.jsonl" \
    > "$work/report" 2>&1 || { cat "$work/report"; exit 1; }
  read -r seconds kb < "$work/time"
  awk -v l="$label" -v s="$seconds" -v kb="$kb" -v n="$n" \
    'BEGIN { printf "%-24s %7.1f s %9.0f listings/s %6.0f MB peak RSS\n", l, s, n / s, kb / 1024 }'
}
run "new listings"
run "again (all unchanged)"
grep -E "neu|unverändert|übersprungen" "$work/report" | head -5
