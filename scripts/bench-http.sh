#!/usr/bin/env bash
# `make bench` (second part): every page under load, measured from outside by Debian's wrk against
# the release binary over 100,000 demo listings in embedded SurrealKV. Prints one line per path
# (requests per second, p50, p99, errors) with 64 connections and 2 threads for BENCH_SECONDS
# (8) each, every request carrying a cookie so that no page comes from the page cache; the same
# /jobs HTML served as a static file by the same server, for comparison; a mix of all paths with 128
# connections for BENCH_MIX_SECONDS (60); and the server's resident memory during and after.
# Figures, not assertions. Usage: scripts/bench-http.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-${CARGO_TARGET_DIR:-target}/release/revierjobs}
listings=${BENCH_LISTINGS:-100000}
seconds=${BENCH_SECONDS:-8}
mix_seconds=${BENCH_MIX_SECONDS:-60}
addr=127.0.0.1:${BENCH_PORT:-3120}
base=http://$addr
command -v wrk >/dev/null || { echo "wrk missing: run scripts/ensure-tools.sh bench" >&2; exit 1; }
[ -x "$bin" ] || { echo "no release binary at $bin: run make build" >&2; exit 1; }

work=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

echo "Revierjobs HTTP bench: $listings demo listings, $(nproc) cores, wrk -t2"
start=$SECONDS
"$bin" seed --demo "$listings" --db "surrealkv://$work/db" > /dev/null
echo "seeded in $((SECONDS - start)) s"

# The site root holds what `make build` made (if anything) and the static copy of a /jobs page.
site=$work/site
mkdir -p "$site"
[ -d "${LEPTOS_SITE_ROOT:-target/site}" ] && cp -r "${LEPTOS_SITE_ROOT:-target/site}/." "$site/"
LEPTOS_SITE_ROOT=$site "$bin" serve --db "surrealkv://$work/db" --addr "$addr" --api-rate 0 > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do curl -sf "$base/readyz" > /dev/null && break; sleep 0.5; done
curl -sf "$base/readyz" > /dev/null || { cat "$work/server.log" >&2; exit 1; }

rss() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$server/status"; }
# Idle workers hand back what the index load freed within a few seconds (server/src/memory.rs).
sleep 5
echo "resident memory at rest: $(rss) MB"

# What the paths need: active listing ids, and a visitor whose Merkliste holds 50 of them.
ids=$(curl -sf "$base/api/v1/jobs?per_page=100" | grep -o '"id":[0-9]*' | cut -d: -f2)
first=$(echo "$ids" | head -n1)
for id in $(echo "$ids" | head -n50); do
  curl -sf -o /dev/null -b "$work/jar" -c "$work/jar" -H "Origin: $base" -H "Accept: application/json" \
    --data "job=$id&saved=true" "$base/api/set_favourite"
done
visitor=$(awk '$6 == "rj_visitor" { print "rj_visitor=" $7 }' "$work/jar")
curl -sf -H "Cookie: bench=1" "$base/jobs?place=bochum&radius_km=25" -o "$site/jobs.html"

source "$(dirname "$0")/wrk-measure.sh"

jobs_paths=(
  "/jobs?place=bochum&radius_km=25"
  "/jobs?q=Medienassistent&working_time=full_time"
  "/jobs?offer=employment&experience=entry&sort=salary"
  "/jobs?skill=social-media&remote=hybrid&page=2"
  "/jobs?employer_type=agency&salary_min=2800&posted_within_days=14"
  "/jobs/medienassistent/bochum"
)
detail_paths=()
for id in $(echo "$ids" | head -n20); do detail_paths+=("/jobs/$id"); done
api_detail_paths=()
for id in $(echo "$ids" | head -n20); do api_detail_paths+=("/api/v1/jobs/$id"); done

printf '\n%-58s %9s %8s %8s %7s\n' "path (64 connections, ${seconds} s, cookie on every request)" "req/s" "p50 ms" "p99 ms" "errors"
line() { printf '%-58s %s\n' "$1" "$2"; }
line "/" "$(measure 64 "$seconds" bench=1 /)"
line "/jobs with filters (6 URLs)" "$(measure 64 "$seconds" bench=1 "${jobs_paths[@]}")"
line "/jobs.html, the same HTML as a static file" "$(measure 64 "$seconds" bench=1 /jobs.html)"
line "/jobs/{id} (20 listings)" "$(measure 64 "$seconds" bench=1 "${detail_paths[@]}")"
line "/beruf/medienassistent/bochum" "$(measure 64 "$seconds" bench=1 /beruf/medienassistent/bochum)"
line "/gehalt?experience=entry" "$(measure 64 "$seconds" bench=1 "/gehalt?experience=entry")"
line "/api/v1/jobs?skill=Bildbearbeitung&per_page=50" "$(measure 64 "$seconds" bench=1 "/api/v1/jobs?skill=Bildbearbeitung&per_page=50")"
line "/api/v1/salaries?employer_type=agency" "$(measure 64 "$seconds" bench=1 "/api/v1/salaries?employer_type=agency")"
line "/api/v1/jobs/{id} (20 listings)" "$(measure 64 "$seconds" bench=1 "${api_detail_paths[@]}")"
line "/merkliste with 50 saved jobs" "$(measure 64 "$seconds" "$visitor" /merkliste)"
line "/sitemap.xml" "$(measure 64 "$seconds" bench=1 /sitemap.xml)"

mix=(/ "${jobs_paths[@]}" "${detail_paths[@]:0:6}" /beruf/medienassistent/bochum "/gehalt?experience=entry"
  "/api/v1/salaries?employer_type=agency" "/api/v1/jobs/$first" /sitemap.xml)
( peak=0; while kill -0 "$server" 2>/dev/null; do r=$(rss); [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" > "$work/peak"; sleep 0.5; done ) &
sampler=$!
printf '\n%-58s %s\n' "mix of ${#mix[@]} paths, 128 connections, ${mix_seconds} s" "$(measure 128 "$mix_seconds" bench=1 "${mix[@]}")"
kill "$sampler" 2>/dev/null || true
sleep 3
echo "resident memory: peak $(cat "$work/peak" 2>/dev/null || echo ?) MB during the mix, $(rss) MB 3 s after"
