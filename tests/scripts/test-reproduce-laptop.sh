#!/usr/bin/env bash
# scripts/reproduce-laptop, both ways: without Go (it says how to install it and still
# prints the published and psem columns) and with Go, played by tests/scripts/fake-go with
# the twin's real captured output (Go is optional, so CI may have none): the three columns,
# the twin's figures as in that output, both factors, and the twin's report under psem's
# benchmark names. psem's laptop runs are cut short (--set ops_per_worker) to keep it quick.
# Usage: test-reproduce-laptop.sh PSEM_BENCH
set -euo pipefail
bench=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
quick=(--bench "$bench" --repetitions 2 --set ops_per_worker=20000 --set warmup_ops=1000)

GO=/nonexistent/go "$root/scripts/reproduce-laptop" "${quick[@]}" --work "$tmp/nogo" >"$tmp/nogo.out" 2>"$tmp/nogo.err" ||
  fail "without Go it exited $?: $(cat "$tmp/nogo.err")"
cat "$tmp/nogo.err" "$tmp/nogo.out"
grep -q 'apt-get install golang-go' "$tmp/nogo.err" || fail "without Go it does not say how to install it"
grep -Eq '^\| PostWait \| 1 x 1 \| 416\.0 \| — \(no Go\) \| [0-9.]+ \([0-9.]+-[0-9.]+, n=2\) \| — \| — \|$' \
  "$tmp/nogo.out" || fail "without Go, the PostWait row"
[ "$(grep -c '^| PostWait' "$tmp/nogo.out")" -eq 3 ] || fail "without Go, not three rows"

GO=$root/tests/scripts/fake-go "$root/scripts/reproduce-laptop" "${quick[@]}" --work "$tmp/go" >"$tmp/go.out" \
  2>"$tmp/go.err" || fail "with Go it exited $?: $(cat "$tmp/go.err")"
cat "$tmp/go.err" "$tmp/go.out"
! grep -q 'golang-go' "$tmp/go.err" || fail "with Go it still asks to install it"
# The captured twin: PostWait 86.24 88.26 99.69 109.2 122.5, Parallel 79.15 83.35 92.16 98.51 99.06 ns/op;
# host factor = twin / 416 (and / 175): median and range.
grep -Eq '^\| PostWait \| 1 x 1 \| 416\.0 \| 99\.7 \(86\.2-122\.5, n=5\) \| [0-9.]+ \([0-9.]+-[0-9.]+, n=2\) \| 0\.24 \(0\.21-0\.29\) \| [0-9.]+ \([0-9.]+-[0-9.]+\) \|$' \
  "$tmp/go.out" || fail "with Go, the PostWait row"
grep -Eq '^\| PostWaitParallel-8 \| 1 process x 8 threads \| 175\.0 \| 92\.2 \(79\.2-99\.1, n=5\) \| .* \| 0\.53 \(0\.45-0\.57\) \| [0-9.]+ \([0-9.]+-[0-9.]+\) \|$' \
  "$tmp/go.out" || fail "with Go, the threads row"
grep -q 'go version fake' "$tmp/go.out" || fail "the Go version is not named"
/usr/bin/python3 - "$tmp/go/go-twin.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
names = {b["run_name"] for b in r["benchmarks"] if b["run_type"] == "iteration"}
assert names == {"postwait/processes:1/threads:1", "postwait/processes:1/threads:8"}, names
PY
echo "PASS: reproduce-laptop with and without Go"
