#!/usr/bin/env bash
# The Debian packages of a build configured for /usr: `cpack -G DEB` in BUILD_DIR makes
# libpsem-dev, psem-bench (and psem-micro when built); every file lies under /usr, the
# test seam is not in them, psem-bench depends on nothing it does not use, and lintian
# (when installed) reports no error. The .deb files stay in BUILD_DIR.
# Usage: test-packages.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }

prefix=$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$build/CMakeCache.txt")
[ "$prefix" = /usr ] || fail "$build is configured for $prefix; packages are built for /usr"
rm -f "$build"/*.deb
(cd "$build" && cpack -G DEB >/dev/null) || fail "cpack -G DEB failed"
shopt -s nullglob
debs=("$build"/*.deb)
[ ${#debs[@]} -ge 2 ] || fail "expected at least libpsem-dev and psem-bench, got: ${debs[*]:-none}"

for deb in "${debs[@]}"; do
  pkg=$(dpkg-deb -f "$deb" Package)
  files=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' | grep -v '/$')
  outside=$(grep -v '^/usr/' <<<"$files" || true)
  [ -z "$outside" ] || fail "$pkg installs outside /usr: $outside"
  ! grep -q 'testing\.hpp$' <<<"$files" || fail "$pkg ships the test seam psem/testing.hpp"
  grep -q "^/usr/share/doc/$pkg/copyright$" <<<"$files" || fail "$pkg has no copyright file"
  case $pkg in
    libpsem-dev)
      for f in /include/psem/psem.hpp /pkgconfig/psem.pc /cmake/psem/psemConfig.cmake libpsem.a; do
        grep -q -- "$f\$" <<<"$files" || fail "libpsem-dev lacks $f"
      done ;;
    psem-bench)
      for f in /usr/bin/psem-bench /usr/bin/psem-plot /usr/share/psem/scenarios/default/postwait.json; do
        grep -qx -- "$f" <<<"$files" || fail "psem-bench lacks $f"
      done
      ! grep -q 'libpsem\.a$\|/include/' <<<"$files" || fail "psem-bench ships library files"
      ! dpkg-deb -f "$deb" Depends | grep -q benchmark || fail "psem-bench depends on libbenchmark" ;;
    psem-micro)
      grep -qx /usr/bin/psem-micro <<<"$files" || fail "psem-micro lacks its binary" ;;
    *) fail "unexpected package $pkg" ;;
  esac
done

if command -v lintian >/dev/null; then
  # --suppress-tags: none; errors fail, warnings are listed in README ("Packages").
  out=$(lintian --no-tag-display-limit "${debs[@]}" 2>&1 || true)
  errors=$(grep '^E: ' <<<"$out" || true)
  [ -z "$errors" ] || fail "lintian errors:
$errors"
  grep '^W: ' <<<"$out" | sed 's/^/lintian (kept): /' || true
fi
echo "packages: ${debs[*]##*/}: files under /usr, no test seam, lintian without errors"
