/*
 * Unicode character classes of the lexical grammar. ASCII is answered by a
 * table; everything else by binary search in the generated range tables of
 * lexer/unicode_tables.c.
 */
#include "lexer/lexer.h"

/* Defined in the generated lexer/unicode_tables.c. */
extern const uint32_t unicode_id_start_ranges[][2];
extern const size_t unicode_id_start_count;
extern const uint32_t unicode_id_continue_ranges[][2];
extern const size_t unicode_id_continue_count;
extern const uint32_t unicode_space_separator_ranges[][2];
extern const size_t unicode_space_separator_count;

static bool in_ranges(const uint32_t ranges[][2], size_t count, uint32_t cp)
{
    size_t low = 0, high = count;
    while (low < high) {
        size_t mid = low + (high - low) / 2;
        if (cp < ranges[mid][0])
            high = mid;
        else if (cp > ranges[mid][1])
            low = mid + 1;
        else
            return true;
    }
    return false;
}

static bool ascii_is_id_start(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '$' || cp == '_';
}

/* ES2025 12.7 IdentifierStartChar :: UnicodeIDStart | $ | _ */
bool unicode_is_id_start(uint32_t cp)
{
    if (cp < 0x80)
        return ascii_is_id_start(cp);
    return in_ranges(unicode_id_start_ranges, unicode_id_start_count, cp);
}

/* ES2025 12.7 IdentifierPartChar :: UnicodeIDContinue | $ | <ZWNJ> | <ZWJ> */
bool unicode_is_id_continue(uint32_t cp)
{
    if (cp < 0x80)
        return ascii_is_id_start(cp) || (cp >= '0' && cp <= '9');
    if (cp == 0x200C || cp == 0x200D)
        return true;
    return in_ranges(unicode_id_continue_ranges, unicode_id_continue_count, cp);
}

/* ES2025 12.2 WhiteSpace :: <TAB> <VT> <FF> <ZWNBSP> <USP>, USP being any
 * code point of category Zs (which includes SP and NBSP). U+180E MONGOLIAN
 * VOWEL SEPARATOR is Cf since Unicode 6.3, so it is not white space. */
bool unicode_is_space(uint32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || cp == '\t' || cp == '\v' || cp == '\f';
    if (cp == 0xFEFF)
        return true;
    return in_ranges(unicode_space_separator_ranges, unicode_space_separator_count, cp);
}

/* ES2025 12.3 LineTerminator :: <LF> <CR> <LS> <PS> */
bool unicode_is_line_terminator(uint32_t cp)
{
    return cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029;
}
