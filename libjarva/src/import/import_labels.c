/* import_labels.c: the value labels of a statistics file, stored with its
 * batch (store/label_writer.c) once every row is read: Stata keeps them
 * after the data. */
#include "import_internal.h"

int jarva__import_value_labels(jarva__import *imp)
{
    size_t n = jarva__source_nlabels(imp->reader);
    if (n == 0)
        return JARVA_OK;
    jarva__label_writer *w = NULL;
    int rc = jarva__label_writer_open(&w, imp->db, imp->batch_id);
    for (size_t i = 0; i < n && rc == JARVA_OK; i++) {
        const char *column, *code, *label;
        jarva__source_label(imp->reader, i, &column, &code, &label);
        rc = jarva__label_writer_put(w, column, code, label);
    }
    jarva__label_writer_free(w);
    return rc;
}
