/* jarva.h: the one header a program includes to use libjarva.
 * Measurable goals, survey estimates and effect reports for the communication
 * plan of the Järva collaboration agreement (the PDF report is a module of
 * its own over this API: <jarva/report.h>, reports/). See docs/api.md for an overview
 * with an example per task; each function's comment is its reference.
 *
 * Conventions that hold for every function unless its comment says otherwise:
 * - Statuses: 0 (JARVA_OK) on success, a negative jarva_status on failure.
 *   A function that takes a jarva_db leaves the reason in jarva_errmsg(db);
 *   one without a handle writes it to the caller's errbuf. A NULL handle or a
 *   NULL required pointer gives JARVA_EINVAL (with no message when there is
 *   no handle to hold one); JARVA_ENOMEM is possible wherever memory is
 *   allocated.
 * - Ownership: *_open() results are freed with the matching *_free() (which
 *   accepts NULL); what a *_get() returns, strings included, is owned by its
 *   list and valid until the list is freed; returned `const char *` is static
 *   or owned by the handle, as each comment says; inputs are only read during
 *   the call and never kept.
 * - Arguments: what the function produces first (`jarva_x_open(&out, db,
 *   ...)`), then the handle, the inputs and options; errbuf and errlen last.
 * - Option structs, and the structs the caller allocates for the library to
 *   fill (jarva_estimate, jarva_target_status, jarva_import_result ...),
 *   start with a `version` field: initialise them from their _INIT macro.
 *   An unknown version (0 included) is refused with JARVA_EINVAL.
 * - Memory handed to the caller (a string, the PDF's bytes) is freed with
 *   jarva_free(); opaque handles and lists with their own _free.
 * - Threads: a jarva_db handle, and the lists opened from it, are used by one
 *   thread at a time; separate handles may be used by separate threads at
 *   once, on the same file too. Functions without a handle (version,
 *   strerror, the estimators of jarva/estimate.h, jarva_adhoc_estimate()) are
 *   thread-safe. */
#ifndef JARVA_H
#define JARVA_H

#include "jarva/common.h"
#include "jarva/db.h"
#include "jarva/catalog.h"
#include "jarva/import.h"
#include "jarva/estimate.h"
#include "jarva/results.h"
#include "jarva/adhoc.h"
#include "jarva/output.h"
#include "jarva/summary.h"

#endif /* JARVA_H */
