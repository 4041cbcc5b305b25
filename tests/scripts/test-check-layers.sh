#!/usr/bin/env bash
# scripts/check-layers on the real tree (must pass) and on small fake trees: an include
# against the table fails with its file:line, a libpsem include of harness/ fails, a
# third-party include a layer may not use fails, and a malformed table is bad usage (2).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
check=$root/scripts/check-layers
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$check" --root "$root" >/dev/null || fail "the real tree does not pass"

mk() {  # a fake checkout: two layers, low and high
  rm -rf "$tmp/t"
  mkdir -p "$tmp/t/harness/low" "$tmp/t/harness/high" "$tmp/t/lib/include/psem"
  printf 'low:\nhigh: low | fmt\n' >"$tmp/t/harness/layers.txt"
  printf '#pragma once\n' >"$tmp/t/harness/low/a.hpp"
  printf '#include "low/a.hpp"\n#include <fmt/format.h>\n' >"$tmp/t/harness/high/b.cpp"
  printf '#pragma once\n#include <string>\n' >"$tmp/t/lib/include/psem/p.hpp"
}
expect() {  # CODE PATTERN: run the check, want that exit code and that text in its output
  set +e
  out=$("$check" --root "$tmp/t" 2>&1)
  rc=$?
  set -e
  [ "$rc" -eq "$1" ] || fail "exit $rc, wanted $1: $out"
  grep -q -- "$2" <<<"$out" || fail "no '$2' in: $out"
}

mk; expect 0 "every include goes the allowed way"
mk; printf '// x\n#include "high/b.hpp"\n' >"$tmp/t/harness/low/c.cpp"
expect 1 "harness/low/c.cpp:2: low/ may not include high/"
mk; printf '#include <fmt/core.h>\n' >"$tmp/t/harness/low/d.cpp"
expect 1 "harness/low/d.cpp:1: low/ may not include fmt"
mk; printf '#include "low/a.hpp"\n' >>"$tmp/t/lib/include/psem/p.hpp"
expect 1 "lib/include/psem/p.hpp:3: libpsem includes harness/low/"
mk; printf '#include <psem/p.hpp>\n' >"$tmp/t/harness/low/e.cpp"
expect 1 "harness/low/e.cpp:1: low/ may not include libpsem"
mk; mkdir "$tmp/t/harness/stray"
expect 1 "harness/stray/: a folder that harness/layers.txt does not list"
mk; printf 'low: high\nhigh:\n' >"$tmp/t/harness/layers.txt"
expect 2 "not a layer below it"
echo "check-layers: all cases behave"
