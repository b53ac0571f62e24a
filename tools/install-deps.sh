#!/bin/sh
# install-deps.sh [--test]: installs the Debian 12 packages that jarva needs and
# that are missing (nothing, quickly, when all are there). --test adds what the
# test suite uses: a C++ compiler for the header check, clang for the fuzzers,
# clang-format, poppler-utils for the PDF checks, the sqlite3 shell, valgrind,
# jq for the typed-JSON test, and for the web edition's browser test chromium,
# tidy, node and npm, with `npm ci` in tests/web (puppeteer-core and axe-core,
# pinned by its lock file).
set -eu
pkgs="build-essential cmake pkg-config libcsv-dev libgsl-dev libsqlite3-dev libhpdf-dev fonts-liberation
libzip-dev libexpat1-dev libreadstat-dev"
if [ "${1:-}" = "--test" ]; then
    pkgs="$pkgs g++ clang clang-format libclang-rt-14-dev poppler-utils sqlite3 valgrind jq"
    pkgs="$pkgs chromium tidy"
    # Node's own packages (nodesource's nodejs, as on this project's machines)
    # bring npm with them and make Debian's npm uninstallable: ask apt for
    # node and npm only where they are missing.
    command -v node >/dev/null 2>&1 || pkgs="$pkgs nodejs"
    command -v npm >/dev/null 2>&1 || pkgs="$pkgs npm"
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
if [ "${1:-}" = "--test" ]; then
    web=$(cd "$(dirname "$0")/../tests/web" && pwd)
    if [ ! -d "$web/node_modules/axe-core" ] || [ ! -d "$web/node_modules/puppeteer-core" ] ||
        [ "$web/package-lock.json" -nt "$web/node_modules" ]; then
        echo "install-deps: npm ci in tests/web"
        # puppeteer-core downloads no browser; the test uses Debian's chromium.
        (cd "$web" && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
    fi
fi
