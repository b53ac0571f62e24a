/* file_hash.h: the SHA-256 of a whole input file for a reader that does not
 * read it front to back (a zip archive, an SPSS file), so cannot hash as it
 * reads as the CSV reader does: read again by pread() once the rows are
 * done, with the check that the file did not change since it was opened. */
#ifndef JARVA_FILE_HASH_H
#define JARVA_FILE_HASH_H

#include "input_file.h"

/* out: 64 hex digits and a NUL. JARVA_OK, or JARVA_EIO (a read error, or
 * the file changed while it was read) with err set. */
int jarva__file_hash_whole(int fd, const char *path, const jarva__input_stat *st, char out[65],
                           jarva__error *err);

#endif /* JARVA_FILE_HASH_H */
