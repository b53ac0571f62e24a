/* civil_date.h: days since 1970-01-01 and the civil date (proleptic
 * Gregorian) they fall on, the one conversion of the readers (Excel serials,
 * SPSS/Stata/SAS dates) and the import checks (util/date_parse.c). */
#ifndef JARVA_CIVIL_DATE_H
#define JARVA_CIVIL_DATE_H

/* Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms",
 * days_from_civil and civil_from_days,
 * http://howardhinnant.github.io/date_algorithms.html: exact for every
 * date, negative days (before 1970) included. m is 1-12, d 1-31. */
long long jarva__days_from_civil(long long y, unsigned m, unsigned d);
void jarva__civil_from_days(long long z, long long *y, unsigned *m, unsigned *d);

#endif /* JARVA_CIVIL_DATE_H */
