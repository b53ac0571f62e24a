#!/bin/sh
# check_api_doc.sh API_MD INCLUDE_DIR CC REPORT_INCLUDE_DIR GENERATED_INCLUDE_DIR: every ```c
# block of docs/api.md compiles, warning-free as C11, against the public
# headers (and the report module's <jarva/report.h>), so that the examples of
# the overview keep up with the API.
. "$(dirname "$0")/lib.sh"
doc=${1:?usage: check_api_doc.sh API_MD INCLUDE_DIR CC}
include=${2:?}
cc=${3:-cc}
report_include=${4:-$include/../../reports/include}
generated=${5:?the folder of the generated jarva/version.h}
{
    printf '#include <math.h>\n#include <stdio.h>\n#include <stdlib.h>\n\n#include <jarva.h>\n'
    printf '#include <jarva/report.h>\n\n'
    awk '/^```c$/ { on = 1; n++; printf "#line %d \"api.md\"\n", NR + 1; next }
         /^```/ { on = 0 } on' "$doc"
} >"$T/api_examples.c"
checks=$((checks + 1))
blocks=$(grep -c '^```c$' "$doc")
[ "$blocks" -ge 8 ] || fail "only $blocks C examples in $doc"
check "the C examples of api.md compile" "$cc" -std=c11 -Wall -Wextra -Wpedantic -Werror \
    -Wno-unused-function -fsyntax-only -I"$include" -I"$generated" -I"$report_include" "$T/api_examples.c"
finish
