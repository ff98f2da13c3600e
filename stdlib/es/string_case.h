/*
 * Case mapping of strings for String.prototype.toUpperCase / toLowerCase
 * (ES2025 22.1.3.28, 22.1.3.30).
 *
 * The mapping is Unicode's simple case mapping as the C library's C.UTF-8
 * locale knows it (towupper_l / towlower_l), plus the special cases most
 * often met: U+00DF ß -> "SS", final sigma, U+0130 İ -> "i̇". The full
 * SpecialCasing.txt mappings (ligatures, Lithuanian, Turkish contexts) are
 * not there yet.
 */
#ifndef NODUS_STDLIB_ES_STRING_CASE_H
#define NODUS_STDLIB_ES_STRING_CASE_H

#include "vm/string.h"

/* s (flat) in upper or lower case; NULL after throwing. */
String *string_to_case(VM *vm, String *s, bool upper) NODUS_MUST_CHECK;

#endif
