/*
 * StringBuilder (stdlib/es/string_builder.h): a malloc'd UTF-16 buffer.
 */
#include <stdlib.h>
#include <string.h>

#include "lexer/utf8.h"
#include "stdlib/es/string_builder.h"

void string_builder_init(StringBuilder *sb)
{
    sb->units = NULL;
    sb->length = sb->capacity = 0;
}

void string_builder_free(StringBuilder *sb)
{
    free(sb->units);
    string_builder_init(sb);
}

/* Room for extra more units. */
static bool reserve(VM *vm, StringBuilder *sb, size_t extra)
{
    size_t needed = (size_t)sb->length + extra;
    if (needed > STRING_MAX_LENGTH) {
        vm_throw_range_error(vm, "Invalid string length");
        return false;
    }
    if (needed <= sb->capacity)
        return true;
    size_t capacity = sb->capacity ? sb->capacity : 16;
    while (capacity < needed)
        capacity *= 2;
    uint16_t *units = realloc(sb->units, capacity * sizeof *units);
    if (!units) {
        vm_throw_out_of_memory(vm);
        return false;
    }
    sb->units = units;
    sb->capacity = (uint32_t)capacity;
    return true;
}

bool string_builder_append_unit(VM *vm, StringBuilder *sb, uint16_t unit)
{
    if (!reserve(vm, sb, 1))
        return false;
    sb->units[sb->length++] = unit;
    return true;
}

bool string_builder_append_code_point(VM *vm, StringBuilder *sb, uint32_t cp)
{
    if (cp < 0x10000)
        return string_builder_append_unit(vm, sb, (uint16_t)cp);
    cp -= 0x10000;
    return string_builder_append_unit(vm, sb, (uint16_t)(0xD800 + (cp >> 10)))
           && string_builder_append_unit(vm, sb, (uint16_t)(0xDC00 + (cp & 0x3FF)));
}

bool string_builder_append_latin1(VM *vm, StringBuilder *sb, const char *chars, size_t len)
{
    if (!reserve(vm, sb, len))
        return false;
    for (size_t i = 0; i < len; i++)
        sb->units[sb->length++] = (uint8_t)chars[i];
    return true;
}

bool string_builder_append_cstr(VM *vm, StringBuilder *sb, const char *cstr)
{
    return string_builder_append_latin1(vm, sb, cstr, strlen(cstr));
}

bool string_builder_append_utf8(VM *vm, StringBuilder *sb, const char *utf8, size_t len)
{
    uint32_t pos = 0;
    while (pos < len) {
        uint32_t cp = utf8_decode(utf8, (uint32_t)len, &pos);
        if (!string_builder_append_code_point(vm, sb, cp))
            return false;
    }
    return true;
}

bool string_builder_append_substring(VM *vm, StringBuilder *sb, String *s, uint32_t start, uint32_t end)
{
    if (end <= start)
        return true;   /* nothing to copy (and the buffer may not exist yet) */
    if (!string_flatten(vm, s) || !reserve(vm, sb, end - start))
        return false;
    if (string_is_latin1(s)) {
        const uint8_t *chars = string_latin1_chars(s);
        for (uint32_t i = start; i < end; i++)
            sb->units[sb->length++] = chars[i];
    } else {
        memcpy(sb->units + sb->length, string_utf16_units(s) + start, (end - start) * sizeof(uint16_t));
        sb->length += end - start;
    }
    return true;
}

bool string_builder_append_string(VM *vm, StringBuilder *sb, String *s)
{
    return string_builder_append_substring(vm, sb, s, 0, string_length(s));
}

String *string_builder_finish(VM *vm, StringBuilder *sb)
{
    String *s = sb->length ? string_from_utf16(vm, sb->units, sb->length) : string_empty(vm);
    string_builder_free(sb);
    return s;
}
