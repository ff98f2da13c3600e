/*
 * Decimal digits of doubles for Number.prototype.toFixed, toExponential,
 * toPrecision and toLocaleString (stdlib/es/number_format.c): exact
 * expansions rounded half up, as ES2025 21.1.3 asks ("if there are two
 * such n, pick the larger n").
 */
#ifndef NODUS_STDLIB_ES_NUMBER_FORMAT_H
#define NODUS_STDLIB_ES_NUMBER_FORMAT_H

#include <stdbool.h>

/* Longest output: toLocaleString of 1.7976931348623157e308, 309 digits
 * with their separators. */
enum { NUMBER_TEXT_MAX = 512 };

/* Each writes the text for a finite x into out (NUMBER_TEXT_MAX bytes). */
void number_to_fixed(double x, int fraction_digits, char *out);      /* |x| < 1e21 */
void number_to_exponential(double x, int fraction_digits, char *out);/* fraction_digits -1: as many as needed */
void number_to_precision(double x, int precision, char *out);
/* en-US: thousands separators, at most 3 fraction digits. */
void number_to_locale(double x, char *out);

/* Whitespace of ES2025 7.1.4.1 StrWhiteSpaceChar (WhiteSpace and LineTerminator). */
bool number_is_str_whitespace(unsigned unit);

#endif
