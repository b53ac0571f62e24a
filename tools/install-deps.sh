#!/bin/sh
# install-deps.sh [--test]: installs the Debian 12 packages that jarva needs and
# that are missing (nothing, quickly, when all are there). --test adds what the
# test suite uses: a C++ compiler for the header check, clang for the fuzzers,
# clang-format, poppler-utils for the PDF checks, the sqlite3 shell, valgrind.
set -eu
pkgs="build-essential cmake pkg-config libcsv-dev libgsl-dev libsqlite3-dev libhpdf-dev fonts-liberation
libzip-dev libexpat1-dev libreadstat-dev"
if [ "${1:-}" = "--test" ]; then
    pkgs="$pkgs g++ clang clang-format libclang-rt-14-dev poppler-utils sqlite3 valgrind"
fi
missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "install-deps: installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
