#!/bin/sh
# check_symbols.sh LIBJARVA.SO INCLUDE_DIR NM CC GENERATED_INCLUDE_DIR: the shared library's dynamic
# symbol table (nm -D --defined-only) holds only jarva_ names, and exactly the
# functions the public headers declare JARVA_API: nothing internal leaks (no
# jarva__ helpers, no symbols of the static dependencies), nothing declared is
# missing.
. "$(dirname "$0")/lib.sh"
lib=${1:?usage: check_symbols.sh LIB INCLUDE_DIR NM CC}
include=${2:?}
nm=${3:-nm}
cc=${4:-cc}
generated=${5:?the folder of the generated jarva/version.h}

check "nm -D" "$nm" -D --defined-only "$lib" || finish
# Lines are "ADDRESS TYPE NAME"; versioned names (name@VERSION) are cut at '@'.
awk 'NF >= 3 { sub(/@.*/, "", $3); print $3 }' "$T/last.log" | sort -u >"$T/exported"

checks=$((checks + 1))
if grep -v '^jarva_' "$T/exported" >"$T/foreign"; then
    fail "exported names without the jarva_ prefix: $(tr '\n' ' ' <"$T/foreign")"
fi
checks=$((checks + 1))
if grep '^jarva__' "$T/exported" >"$T/internal"; then
    fail "internal jarva__ names exported: $(tr '\n' ' ' <"$T/internal")"
fi

# The declarations: the umbrella header preprocessed as the library sees it
# (no comments, JARVA_API expanded to the visibility attribute), cut at ';';
# in each declaration marked visible, the first jarva_ word before '(' is the
# function's name.
check "preprocess jarva.h" "$cc" -E -P -DJARVA_BUILDING -I"$include" -I"$generated" "$include/jarva.h" || finish
tr '\n' ' ' <"$T/last.log" | tr ';' '\n' | grep 'visibility *( *"default" *)' |
    sed 's/__attribute__ *(( *visibility *( *"default" *) *))//' |
    sed -n 's/^[^(]*[^a-z0-9_]\(jarva_[a-z0-9_]*\) *(.*/\1/p' | sort -u >"$T/declared"
checks=$((checks + 1))
[ "$(wc -l <"$T/declared")" -ge 50 ] || fail "only $(wc -l <"$T/declared") JARVA_API declarations found"

checks=$((checks + 1))
comm -23 "$T/declared" "$T/exported" >"$T/missing"
[ -s "$T/missing" ] && fail "declared JARVA_API but not exported: $(tr '\n' ' ' <"$T/missing")"
checks=$((checks + 1))
comm -13 "$T/declared" "$T/exported" >"$T/extra"
[ -s "$T/extra" ] && fail "exported but not declared in a public header: $(tr '\n' ' ' <"$T/extra")"
echo "$(wc -l <"$T/exported") symbols exported"
finish
