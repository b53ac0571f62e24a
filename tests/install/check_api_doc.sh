#!/bin/sh
# check_api_doc.sh API_MD INCLUDE_DIR CC: every ```c block of docs/api.md
# compiles, warning-free as C11, against the public headers, so that the
# examples of the overview keep up with the API.
. "$(dirname "$0")/lib.sh"
doc=${1:?usage: check_api_doc.sh API_MD INCLUDE_DIR CC}
include=${2:?}
cc=${3:-cc}
{
    printf '#include <math.h>\n#include <stdio.h>\n#include <stdlib.h>\n\n#include <jarva.h>\n\n'
    awk '/^```c$/ { on = 1; n++; printf "#line %d \"api.md\"\n", NR + 1; next }
         /^```/ { on = 0 } on' "$doc"
} >"$T/api_examples.c"
checks=$((checks + 1))
blocks=$(grep -c '^```c$' "$doc")
[ "$blocks" -ge 8 ] || fail "only $blocks C examples in $doc"
check "the C examples of api.md compile" "$cc" -std=c11 -Wall -Wextra -Wpedantic -Werror \
    -Wno-unused-function -fsyntax-only -I"$include" "$T/api_examples.c"
finish
