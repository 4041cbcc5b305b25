#!/usr/bin/env bash
# psem-bench's latency histograms against HdrHistogram's reference decoder: runs pingpong
# and postwait with psem-bench, then decodes every entry's latency_histogram with
# hdr-histogram-js (tests/npm, installed by scripts/test) and checks counts and percentiles;
# then reads an interval log (run --hlog) of pingpong, postwait and producer_consumer runs
# with hdr-histogram-js's log reader and checks it against their report.
# Usage: test-hdr-reference.sh PSEM_BENCH
set -euo pipefail
bench=$1
here=$(cd "$(dirname "$0")/.." && pwd)
[ -d "$here/npm/node_modules/hdr-histogram-js" ] ||
  { echo "FAIL: hdr-histogram-js is not installed: npm ci --prefix tests/npm (scripts/test does it)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/pingpong.json" <<'JSON'
{"schema_version": 1, "name": "hdr-pingpong", "workload": "pingpong", "ops_per_worker": 3000,
 "repetitions": 2, "timeout_s": 60}
JSON
cat >"$tmp/postwait.json" <<'JSON'
{"schema_version": 1, "name": "hdr-postwait", "workload": "postwait", "processes": 2, "ops_per_worker": 50000,
 "timeout_s": 60}
JSON
"$bench" run "$tmp/pingpong.json" "$tmp/postwait.json" --out "$tmp/report.json" --progress never >/dev/null
node "$here/npm/check-histograms.js" "$tmp/report.json" pingpong

cat >"$tmp/soak.json" <<'JSON'
{"schema_version": 1, "name": "hdr-soak", "workload": "pingpong", "duration_ms": 1300, "repetitions": 2,
 "timeout_s": 60}
JSON
cat >"$tmp/soak-postwait.json" <<'JSON'
{"schema_version": 1, "name": "hdr-soak-postwait", "workload": "postwait", "processes": 2, "duration_ms": 1300,
 "timeout_s": 60}
JSON
cat >"$tmp/soak-pc.json" <<'JSON'
{"schema_version": 1, "name": "hdr-soak-pc", "workload": "producer_consumer", "ops_per_worker": 2600,
 "post_interval_ns": 500000, "timeout_s": 60}
JSON
"$bench" run "$tmp/soak.json" "$tmp/soak-postwait.json" "$tmp/soak-pc.json" --out "$tmp/soak-report.json" \
  --hlog "$tmp/soak.hlog" --hlog-interval 0.25 --progress never >/dev/null
node "$here/npm/check-hlog.js" "$tmp/soak.hlog" "$tmp/soak-report.json" 5
