/* jarva_internal.h: what the library's modules share and nothing outside sees:
 * the error-reporting helpers, the handle's error and path, transactions and
 * small string and list helpers. The handle's layout is the store's
 * (store/store_db.h): no module but store/ sees SQLite. */
#ifndef JARVA_INTERNAL_H
#define JARVA_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>

#include "jarva.h"

#if defined(__GNUC__)
#define JARVA__PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define JARVA__PRINTF(fmt, args)
#endif

/* The error detail of one handle: the code and a heap message, as SQLite keeps
 * its error message per connection, so that threads with separate handles never
 * share an error. */
typedef struct jarva__error {
    int code;
    char *message; /* NULL means "" */
} jarva__error;

/* The handle's error and file, for the modules outside store/: the
 * handle's layout is the store's (its connection is the engine's), so the
 * others reach these two through here. jarva__db_err never returns NULL for
 * a handle; jarva__db_path is ":memory:" for a database in memory. */
jarva__error *jarva__db_err(const jarva_db *db);
const char *jarva__db_path(const jarva_db *db);

/* Records code and a formatted message; returns code so that a failure is one
 * line: `return jarva__seterr(jarva__db_err(db), JARVA_EFORMAT, "%s: ...", ...);`. */
int jarva__seterr(jarva__error *err, int code, const char *fmt, ...) JARVA__PRINTF(3, 4);
int jarva__vseterr(jarva__error *err, int code, const char *fmt, va_list ap);
/* Appends "\n" and a formatted line to the current message (for lists of errors). */
void jarva__adderr(jarva__error *err, const char *fmt, ...) JARVA__PRINTF(2, 3);
void jarva__clearerr(jarva__error *err);
void jarva__freeerr(jarva__error *err);

/* BEGIN IMMEDIATE (a write transaction that cannot fail later with
 * SQLITE_BUSY_SNAPSHOT in WAL mode), COMMIT and ROLLBACK. */
int jarva__begin_write(jarva_db *db);
int jarva__commit(jarva_db *db);
void jarva__rollback(jarva_db *db);

/* A date as people write it (2025-03-01, 1/3 2025, 1 mars 2025) to ISO 8601
 * in iso, its year in *year (may be NULL); 0, or -1 if it is no date that
 * exists (util/date_parse.c). */
int jarva__parse_date(const char *s, char iso[11], int *year);

/* Small string helpers (util.c). */
char *jarva__strdup(const char *s);
char *jarva__strndup(const char *s, size_t n);
char *jarva__aprintf(const char *fmt, ...) JARVA__PRINTF(1, 2);
char *jarva__vaprintf(const char *fmt, va_list ap) JARVA__PRINTF(1, 0);
/* 1 if a[0..n) and b[0..n) are equal but for ASCII case. */
int jarva__ascii_nocase_equal(const char *a, const char *b, size_t n);

/* The kind a name of jarva_import_kind_name() designates, in *out:
 * JARVA_OK, or JARVA_EINVAL (*out unchanged) (util/import_kind.c). */
int jarva__import_kind_parse(const char *name, jarva_import_kind *out);

/* Lists of answer codes, "4,5" or "1, 2, 3" (util/code_list.c): the one
 * rule, commas between codes, each trimmed of spaces and tabs, empty items
 * skipped, codes compared byte for byte. */
typedef struct jarva__code_list {
    char **codes;    /* count codes, then NULL */
    size_t *lengths; /* of each code */
    size_t count;
} jarva__code_list;
/* The next code of the list at *cursor (advanced past it) in *code and
 * *len, not NUL-terminated: 1, or 0 at the end. */
int jarva__code_list_next(const char **cursor, const char **code, size_t *len);
/* 1 if code[0..len) is one of list's codes (list NULL: none). */
int jarva__code_in(const char *list, const char *code, size_t len);
/* The codes of text (NULL: none) in *out, to free with
 * jarva__code_list_free(). JARVA_OK or JARVA_ENOMEM (then *out is empty). */
int jarva__code_list_parse(jarva__code_list *out, const char *text);
int jarva__code_list_has(const jarva__code_list *list, const char *code, size_t len);
void jarva__code_list_free(jarva__code_list *list);

#endif /* JARVA_INTERNAL_H */
