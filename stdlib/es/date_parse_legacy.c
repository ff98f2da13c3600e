/*
 * Date.parse's implementation-specific forms (ES2025 21.4.3.2).
 */
#include <math.h>

#include "stdlib/es/date_internal.h"

double date_parse_legacy(const char *text, size_t length)
{
    (void)text, (void)length;
    return NAN;
}
