/* Compiles the umbrella header alone as strict C99: it must need nothing else. */
#include <jarva.h>

int jarva_header_check(void);
int jarva_header_check(void)
{
    return JARVA_VERSION_NUMBER > 0 ? JARVA_OK : JARVA_ERROR;
}
