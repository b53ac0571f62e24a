// Compiles the umbrella header as C++11: extern "C" and no C-only constructs.
#include <jarva.h>

int jarva_header_check_cxx();
int jarva_header_check_cxx()
{
    jarva_db *db = nullptr;
    (void)db;
    return JARVA_VERSION_NUMBER > 0 ? JARVA_OK : JARVA_ERROR;
}
