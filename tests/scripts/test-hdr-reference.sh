#!/usr/bin/env bash
# psem-bench's latency histograms against HdrHistogram's reference decoder: runs pingpong
# and postwait with psem-bench, then decodes every entry's latency_histogram with
# hdr-histogram-js (tests/npm, installed by scripts/test) and checks counts and percentiles.
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
