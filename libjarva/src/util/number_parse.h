/* number_parse.h: numbers as analysts' files write them (util/number_parse.c). */
#ifndef JARVA_NUMBER_PARSE_H
#define JARVA_NUMBER_PARSE_H

/* Numbers as analysts' files write them: optional sign, digits with spaces,
 * non-breaking spaces (U+00A0, U+202F) or, with decimal ',', '.' as thousands
 * separators, one decimal mark, optional exponent. Independent of the C
 * locale. Returns 0 and *out, or -1 if s is not entirely a finite number.
 * Details: spaces (also U+00A0, U+202F) may surround the number; the sign may
 * be U+2212 too; separators must split the integer part into groups of three
 * ("12 34" and, with decimal ',', "1.5" fail rather than read as 1234 or
 * 15); ',' is never a separator with decimal '.'; NaN, inf, hex fail. */
int jarva__parse_double(const char *s, char decimal, double *out);
/* A whole number in [min, max], with the signs and space separators above
 * (no decimal part, no exponent); 0 or -1 as above, *out untouched on -1. */
int jarva__parse_long(const char *s, long min, long max, long *out);

#endif /* JARVA_NUMBER_PARSE_H */
