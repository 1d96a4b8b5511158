#!/usr/bin/env bash
# Figures, not assertions: `revierjobs import` of N generated JobPosting records (JSON Lines,
# scripts/jobpostings.py) into a new embedded SurrealKV database, then the same input again (every
# record unchanged). Prints listings per second, wall time and peak resident memory of each run.
# Then serves that database and measures with wrk what differs with real listings (demo listings have
# no sources and stay out of the sitemap): the sitemap index and its first part of 50,000 URLs,
# detail pages (their sources read too) and the API's listing.
# Usage: scripts/bench-import.sh path/to/release/revierjobs   (BENCH_IMPORT sets N, default 100000)
set -euo pipefail
bin=$(realpath "$1")
n=${BENCH_IMPORT:-100000}
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
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

base=http://127.0.0.1:${BENCH_PORT:-3121}
"$bin" serve --db "surrealkv://$work/db" --addr "${base#http://}" --api-rate 0 > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do curl -sf "$base/readyz" > /dev/null && break; sleep 0.5; done
curl -sf "$base/readyz" > /dev/null || { cat "$work/server.log" >&2; exit 1; }
source "$(dirname "$0")/wrk-measure.sh"
seconds=${BENCH_SECONDS:-8}
ids=$(curl -sf "$base/api/v1/jobs?per_page=20" | grep -o '"id":[0-9]*' | cut -d: -f2)
detail=() api=()
for id in $ids; do detail+=("/jobs/$id") api+=("/api/v1/jobs/$id"); done
printf '\n%-58s %9s %8s %8s %7s\n' "the imported listings served (64 connections, ${seconds} s)" "req/s" "p50 ms" "p99 ms" "errors"
line() { printf '%-58s %s\n' "$1" "$2"; }
line "/sitemap.xml ($(curl -sf "$base/sitemap.xml" | grep -c '<sitemap>') parts)" "$(measure 64 "$seconds" bench=1 /sitemap.xml)"
part_kb=$(( $(curl -sf "$base/sitemap/jobs-1.xml" | wc -c) / 1024 ))
line "/sitemap/jobs-1.xml (${part_kb} KB)" "$(measure 64 "$seconds" bench=1 /sitemap/jobs-1.xml)"
line "/jobs/{id} (20 listings)" "$(measure 64 "$seconds" bench=1 "${detail[@]}")"
line "/api/v1/jobs/{id} (20 listings)" "$(measure 64 "$seconds" bench=1 "${api[@]}")"
