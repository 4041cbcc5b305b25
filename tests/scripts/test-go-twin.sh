#!/usr/bin/env bash
# reference/go-twin, live, where Go is installed (it is optional: exit 77, ctest's SKIP,
# without it): go vet, its test, and a short benchmark run whose real output goes through
# `psem-bench import go` and must give both benchmarks with -count's repetitions and the
# ns/op Go printed; and the twin leaves no semaphore behind (its names are unlinked at once).
# Usage: test-go-twin.sh PSEM_BENCH
set -euo pipefail
bench=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
go=${GO:-go}
if ! command -v "$go" >/dev/null; then
  echo "SKIP: no Go here (optional; Debian: apt-get install golang-go)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# Go keeps its build cache under $HOME; a CI job may have none.
[ -n "${GOCACHE:-}${HOME:-}" ] || export GOCACHE=$tmp/gocache
cd "$root/reference/go-twin"
ls /dev/shm >"$tmp/shm-before"
"$go" vet ./...
"$go" test -run . -bench . -benchtime 2000x -cpu 1,2 -count 2 >"$tmp/go.txt"
cat "$tmp/go.txt"
"$bench" import go "$tmp/go.txt" --out "$tmp/go.json" || fail "import go exited $?"
/usr/bin/python3 - "$tmp/go.txt" "$tmp/go.json" <<'PY'
import json, sys
expected = {}
for line in open(sys.argv[1]):
    w = line.split()
    if line.startswith("Benchmark") and len(w) >= 4 and w[3] == "ns/op":
        expected.setdefault(w[0], []).append(float(w[2]))
assert set(expected) == {"BenchmarkPostWait", "BenchmarkPostWait-2", "BenchmarkPostWaitParallel",
                         "BenchmarkPostWaitParallel-2"}, expected
got = {}
for b in json.load(open(sys.argv[2]))["benchmarks"]:
    if b["run_type"] == "iteration":
        got.setdefault(b["run_name"], []).append(b["real_time"])
        assert b["iterations"] == 2000 and b["repetitions"] == 2, b
assert got == expected, (got, expected)
PY
ls /dev/shm >"$tmp/shm-after"
left=$(comm -13 "$tmp/shm-before" "$tmp/shm-after" | grep gotwin || true)
[ -z "$left" ] || fail "the twin left semaphores: $left"
echo "PASS: the Go twin builds, passes its test, and its output imports with every ns/op"
