#include "lexer/utf8.h"

#include <stdlib.h>
#include <string.h>

enum { REPLACEMENT_CHARACTER = 0xFFFD };

/* Number of bytes of the sequence a lead byte starts (0 for a continuation
 * or invalid byte). */
static int utf8_sequence_length(unsigned char lead)
{
    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF)
        return 2;
    if (lead >= 0xE0 && lead <= 0xEF)
        return 3;
    if (lead >= 0xF0 && lead <= 0xF4)
        return 4;
    return 0;
}

uint32_t utf8_decode(const char *s, uint32_t len, uint32_t *pos)
{
    const unsigned char *p = (const unsigned char *)s;
    uint32_t i = *pos;
    unsigned char lead = p[i];
    int n = utf8_sequence_length(lead);
    if (n == 1) {
        *pos = i + 1;
        return lead;
    }
    if (n == 0 || len - i < (uint32_t)n) {
        *pos = i + 1;
        return REPLACEMENT_CHARACTER;
    }
    uint32_t cp = lead & (0x7F >> n);
    for (int k = 1; k < n; k++)
        cp = (cp << 6) | (p[i + k] & 0x3F);
    *pos = i + (uint32_t)n;
    return cp;
}

int utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The range the second byte must be in after a lead byte: this is what
 * excludes overlong forms, surrogates and code points above 0x10FFFF
 * (Unicode 15 Table 3-7, Well-Formed UTF-8 Byte Sequences). */
static void second_byte_bounds(unsigned char lead, unsigned char *low, unsigned char *high)
{
    *low = 0x80;
    *high = 0xBF;
    if (lead == 0xE0)
        *low = 0xA0;
    else if (lead == 0xED)
        *high = 0x9F;
    else if (lead == 0xF0)
        *low = 0x90;
    else if (lead == 0xF4)
        *high = 0x8F;
}

/* Length of the well-formed sequence at bytes[i], or, when ill-formed, minus
 * the length of its maximal subpart (at least 1), which WHATWG replaces by
 * one U+FFFD. */
static long well_formed_length(const unsigned char *bytes, size_t len, size_t i)
{
    int n = utf8_sequence_length(bytes[i]);
    if (n == 0)
        return -1;
    if (n == 1)
        return 1;
    unsigned char low, high;
    second_byte_bounds(bytes[i], &low, &high);
    for (int k = 1; k < n; k++) {
        if (i + (size_t)k >= len)
            return -k;
        unsigned char b = bytes[i + (size_t)k];
        if (b < low || b > high)
            return -k;
        low = 0x80;
        high = 0xBF;
    }
    return n;
}

uint32_t utf8_decode_lenient(const char *s, size_t len, size_t *pos)
{
    const unsigned char *bytes = (const unsigned char *)s;
    size_t i = *pos;
    if (bytes[i] < 0x80) {
        *pos = i + 1;
        return bytes[i];
    }
    long n = well_formed_length(bytes, len, i);
    if (n < 0) {
        *pos = i + (size_t)-n;
        return REPLACEMENT_CHARACTER;
    }
    uint32_t cp = bytes[i] & (0xFFu >> (n + 1));
    for (long k = 1; k < n; k++)
        cp = (cp << 6) | (bytes[i + (size_t)k] & 0x3F);
    *pos = i + (size_t)n;
    return cp;
}

char *source_decode_utf8(const char *bytes, size_t len, size_t *out_len)
{
    const unsigned char *in = (const unsigned char *)bytes;
    size_t i = 0;
    if (len >= 3 && in[0] == 0xEF && in[1] == 0xBB && in[2] == 0xBF)
        i = 3;
    /* Each replaced byte grows to at most 3 bytes. */
    if (len > (SIZE_MAX - 1) / 3)
        return NULL;
    char *out = malloc(len * 3 + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    while (i < len) {
        if (in[i] < 0x80) {
            out[o++] = (char)in[i++];
            continue;
        }
        long n = well_formed_length(in, len, i);
        if (n > 0) {
            memcpy(out + o, in + i, (size_t)n);
            o += (size_t)n;
            i += (size_t)n;
        } else {
            o += (size_t)utf8_encode(REPLACEMENT_CHARACTER, out + o);
            i += (size_t)-n;
        }
    }
    out[o] = '\0';
    char *shrunk = realloc(out, o + 1);
    *out_len = o;
    return shrunk ? shrunk : out;
}
