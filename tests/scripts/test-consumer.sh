#!/usr/bin/env bash
# libpsem as a downstream user gets it: installed (the dev component) into a prefix that
# is not the configured one, then a small program built against that tree with
# find_package(psem) and with pkg-config, and run. Also: the installed tree has no test
# seam (psem/testing.hpp) and the pkg-config file names the new prefix.
# Usage: test-consumer.sh BUILD_DIR
set -euo pipefail
build=$1
src=$(cd "$(dirname "$0")/../consumer" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

prefix=$tmp/elsewhere/opt
cmake --install "$build" --prefix "$prefix" --component dev >/dev/null
[ -f "$prefix/include/psem/psem.hpp" ] || fail "no psem/psem.hpp under $prefix/include"
[ ! -e "$prefix/include/psem/testing.hpp" ] || fail "the test seam psem/testing.hpp is installed"
pc=$(find "$prefix" -name psem.pc | head -n 1)
[ -n "$pc" ] || fail "no psem.pc installed"

# pkg-config, from the relocated tree: its flags must name this prefix.
export PKG_CONFIG_PATH=$(dirname "$pc")
include_dir=$(pkg-config --variable=includedir psem)
[ "$(realpath "$include_dir")" = "$(realpath "$prefix/include")" ] ||
  fail "pkg-config's includedir is $include_dir, not under $prefix"
# shellcheck disable=SC2046
g++ -o "$tmp/by-pkg-config" "$src/main.cpp" $(pkg-config --cflags --libs psem) ||
  fail "the consumer does not build with pkg-config"
"$tmp/by-pkg-config" | grep -q ": ok$" || fail "the pkg-config build does not run"

# find_package(psem), from the same tree.
cmake -S "$src" -B "$tmp/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null ||
  fail "find_package(psem) does not configure against $prefix"
cmake --build "$tmp/cmake-build" >/dev/null || fail "the consumer does not build with find_package"
"$tmp/cmake-build/consumer" | grep -q ": ok$" || fail "the find_package build does not run"
echo "consumer: built and ran with find_package and pkg-config from $prefix"
