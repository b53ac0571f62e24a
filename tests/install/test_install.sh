#!/bin/sh
# test_install.sh: installs the build ($JARVA_BUILD) into a temporary prefix
# with `cmake --install --prefix`, checks what landed where, and builds the
# C examples from that prefix only, as a program outside the tree would:
#   - cc prog.c $(pkg-config --cflags --libs jarva)            (shared)
#   - cc prog.c $(pkg-config --cflags --libs --static jarva)   (static archive)
#   - find_package(jarva) with jarva::jarva and jarva::jarva_static
# then runs each build on the example data (run_examples.sh checks values).
. "$(dirname "$0")/lib.sh"
: "${JARVA_BUILD:?}" "${JARVA_SRC:?}"
CMAKE=${CMAKE:-cmake}
CC=${CC:-cc}
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
here=$(cd "$(dirname "$0")" && pwd)
prefix=$T/prefix
examples=$JARVA_SRC/examples/c

# A sanitizer build's library needs its runtime in every program linked to it.
san_flags=""
[ -n "${JARVA_SANITIZE:-}" ] && san_flags="-fsanitize=$JARVA_SANITIZE -fno-omit-frame-pointer"

check "cmake --install" "$CMAKE" --install "$JARVA_BUILD" --prefix "$prefix" || finish

# What landed: GNUInstallDirs' layout for a prefix other than /usr.
for f in lib/libjarva.so lib/libjarva.a include/jarva.h include/jarva/common.h include/jarva/version.h \
    include/jarva/db.h include/jarva/catalog.h include/jarva/import.h include/jarva/estimate.h \
    include/jarva/results.h lib/pkgconfig/jarva.pc lib/cmake/jarva/jarvaConfig.cmake \
    lib/cmake/jarva/jarvaConfigVersion.cmake lib/cmake/jarva/jarvaTargets.cmake \
    lib/cmake/jarva/FindCSV.cmake lib/cmake/jarva/FindHPDF.cmake bin/jarva \
    share/man/man1/jarva.1 share/bash-completion/completions/jarva share/doc/jarva/api.md \
    share/doc/jarva/examples/print_estimates.c share/doc/jarva/examples/import_compute.c \
    share/jarva/indicators/indicators.csv share/jarva/indicators/sources/jarva-trygghet.csv; do
    checks=$((checks + 1))
    [ -e "$prefix/$f" ] || fail "not installed: $f"
done
# The SONAME policy of docs/api.md: libjarva.so.0.MINOR until 1.0, then
# libjarva.so.MAJOR; the name is a file (link) of the prefix.
version=$(sed -n 's/^#define JARVA_VERSION_STRING "\(.*\)"$/\1/p' \
    "$JARVA_BUILD/libjarva/include/jarva/version.h")
major=${version%%.*}
minor=${version#*.}
minor=${minor%%.*}
if [ "$major" = 0 ]; then soname=libjarva.so.0.$minor; else soname=libjarva.so.$major; fi
checks=$((checks + 1))
[ -e "$prefix/lib/$soname" ] || fail "not installed: lib/$soname"
check "readelf -d libjarva.so" readelf -d "$prefix/lib/libjarva.so" &&
    expect_grep "$T/last.log" "Library soname: [$soname]"

# Every public header is installed, and nothing private is.
cmp -s "$JARVA_BUILD/libjarva/include/jarva/version.h" "$prefix/include/jarva/version.h" ||
    fail "the generated jarva/version.h not installed"
for h in "$JARVA_SRC"/libjarva/include/jarva/*.h; do
    checks=$((checks + 1))
    cmp -s "$h" "$prefix/include/jarva/$(basename "$h")" || fail "header $(basename "$h") not installed"
done
checks=$((checks + 1))
[ -z "$(find "$prefix/include" -name '*internal*')" ] || fail "an internal header was installed"

# The .pc file names the prefix the files went to, not the configured one.
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
check "pkg-config --modversion" "$PKG_CONFIG" --modversion jarva &&
    expect_line "$T/last.log" "$(sed -n 's/^#define JARVA_VERSION_STRING "\(.*\)"$/\1/p' \
        "$JARVA_BUILD/libjarva/include/jarva/version.h")"
check "pkg-config --variable=prefix" "$PKG_CONFIG" --variable=prefix jarva &&
    expect_line "$T/last.log" "$prefix"
check "pkg-config --cflags" "$PKG_CONFIG" --cflags jarva &&
    expect_grep "$T/last.log" "-I$prefix/include"
check "pkg-config --libs --static" "$PKG_CONFIG" --libs --static jarva &&
    for lib in -ljarva -lgsl -lsqlite3 -lcsv -lm; do expect_grep "$T/last.log" " $lib"; done

# pkg-config: shared and static, each example.
mkdir -p "$T/pc-shared" "$T/pc-static"
for src in "$examples"/*.c; do
    name=$(basename "$src" .c)
    # shellcheck disable=SC2046,SC2086
    check "cc $name.c \$(pkg-config --cflags --libs jarva)" \
        "$CC" -std=c11 -Wall -Wextra -Wpedantic -Werror $san_flags -o "$T/pc-shared/$name" "$src" \
        $("$PKG_CONFIG" --cflags --libs jarva)
    # -static-pie is not needed: only libjarva is taken from its archive.
    # shellcheck disable=SC2046,SC2086
    check "cc $name.c \$(pkg-config --static ...) with libjarva.a" \
        "$CC" -std=c11 -Wall -Wextra -Wpedantic -Werror $san_flags -o "$T/pc-static/$name" "$src" \
        $("$PKG_CONFIG" --cflags jarva) "$prefix/lib/libjarva.a" \
        $("$PKG_CONFIG" --libs --static jarva | sed 's/-ljarva//')
done
checks=$((checks + 1))
readelf -d "$T/pc-static/print_estimates" | grep -q 'libjarva' &&
    fail "the static build still needs libjarva.so"

# find_package(jarva) from the prefix.
check "cmake configure the consumer" "$CMAKE" -S "$here/consumer" -B "$T/consumer" \
    -DCMAKE_PREFIX_PATH="$prefix" -DEXAMPLES_DIR="$examples" -DCMAKE_C_COMPILER="$CC" \
    -DCMAKE_C_FLAGS="$san_flags" -DCMAKE_EXE_LINKER_FLAGS="$san_flags" &&
    check "cmake build the consumer" "$CMAKE" --build "$T/consumer" -j2
mkdir -p "$T/fp-shared" "$T/fp-static"
for src in "$examples"/*.c; do
    name=$(basename "$src" .c)
    cp "$T/consumer/${name}_shared" "$T/fp-shared/$name" 2>/dev/null
    cp "$T/consumer/${name}_static" "$T/fp-static/$name" 2>/dev/null
done

# Run every build. The installed library is in no directory the dynamic
# linker searches (CMake drops the build rpath on install): LD_LIBRARY_PATH.
# Each build must take the installed library, not the build tree's.
checks=$((checks + 1))
LD_LIBRARY_PATH="$prefix/lib" ldd "$T/pc-shared/print_estimates" | grep -q "$prefix/lib/$soname" ||
    fail "pkg-config build does not load $prefix/lib/$soname"
for build in pc-shared pc-static fp-shared fp-static; do
    check "examples built with $build" env LD_LIBRARY_PATH="$prefix/lib" \
        JARVA_TEST_TMP="$T/run-$build" sh "$here/run_examples.sh" "$T/$build" ||
        :
    echo "$build: $(tail -1 "$T/last.log")"
done

# The installed CLI: version, `help COMMAND`, and a database from the
# installed catalogue (named, as the prefix differs from the configured one).
check "jarva --version" "$prefix/bin/jarva" --version &&
    expect_grep "$T/last.log" "jarva $(sed -n 's/^#define JARVA_VERSION_STRING "\(.*\)"$/\1/p' \
        "$JARVA_BUILD/libjarva/include/jarva/version.h")"
check "jarva help init" "$prefix/bin/jarva" help init && expect_grep "$T/last.log" "Usage: jarva init"
check "jarva init from the installed catalogue" "$prefix/bin/jarva" --db "$T/cli.db" \
    --catalog "$prefix/share/jarva/indicators" init
finish
