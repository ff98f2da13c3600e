/*
 * UTF-8 helpers for the lexer: decoding source text that is known to be
 * valid, encoding code points, and turning arbitrary bytes into valid UTF-8
 * the way node reads a source file.
 */
#ifndef NODUS_LEXER_UTF8_H
#define NODUS_LEXER_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at *pos of valid UTF-8 and advances *pos past it.
 * Never reads at or beyond len; a truncated sequence yields U+FFFD. */
uint32_t utf8_decode(const char *s, uint32_t len, uint32_t *pos);

/* Writes cp (at most 0x10FFFF) as UTF-8 into out; returns the byte count.
 * Surrogate code points are encoded as their 3-byte form (WTF-8). */
int utf8_encode(uint32_t cp, char out[4]);

/* Returns a malloc'd copy of bytes that is valid UTF-8: each maximal subpart
 * of an ill-formed sequence becomes U+FFFD (WHATWG Encoding, UTF-8 decoder),
 * and a leading byte order mark is dropped. *out_len gets the length; the
 * copy is also NUL-terminated. NULL when out of memory. */
/* Decodes one code point at *pos of possibly ill-formed UTF-8 and advances
 * *pos; an ill-formed sequence's maximal subpart reads as one U+FFFD, as the
 * WHATWG decoder (and so node) reads it. *pos must be below len. */
uint32_t utf8_decode_lenient(const char *s, size_t len, size_t *pos);

char *source_decode_utf8(const char *bytes, size_t len, size_t *out_len);

#endif
