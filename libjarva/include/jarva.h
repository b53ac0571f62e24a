/* jarva.h: the one header a program includes to use libjarva.
 * Measurable goals, survey estimates and effect reports for the communication
 * plan of the Järva collaboration agreement. See docs/api.md. */
#ifndef JARVA_H
#define JARVA_H

#include "jarva/common.h"
#include "jarva/db.h"
#include "jarva/catalog.h"
#include "jarva/import.h"
#include "jarva/estimate.h"
#include "jarva/results.h"

#endif /* JARVA_H */
