# Sourced by the bench scripts: `measure CONNECTIONS SECONDS COOKIE PATH...` runs Debian's wrk with
# 2 threads against $base, taking the paths in turn with the cookie on every request, and prints
# "req/s p50 p99 errors". Needs $base (http://host:port) and $work (a scratch directory).
measure() {
  local connections=$1 duration=$2 cookie=$3
  shift 3
  local script=$work/paths.lua
  {
    echo "paths = {"
    for p in "$@"; do printf '  "%s",\n' "$p"; done
    echo "}"
    echo "counter = 0"
    echo "request = function()"
    echo "  counter = counter + 1"
    echo "  return wrk.format(\"GET\", paths[(counter % #paths) + 1], { [\"Cookie\"] = \"$cookie\" })"
    echo "end"
  } > "$script"
  wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$script" "$base" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rate = $2 }
    / 50%/ { p50 = ms($2) }
    / 99%/ { p99 = ms($2) }
    /Non-2xx/ { errors += $NF }
    /Socket errors/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
    END { printf "%9.0f %8.2f %8.2f %7d\n", rate, p50, p99, errors }'
}

