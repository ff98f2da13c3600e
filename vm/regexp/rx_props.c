/*
 * Looking up and decoding the Unicode property sets of rx_prop_tables.c
 * (ES2025 22.2.2.9: UnicodePropertyValueExpression).
 */
#include <string.h>

#include "vm/regexp/rx_props.h"

static int compare_name(RxPropKind kind, const char *name, size_t len, const RxPropName *entry)
{
    if (kind != entry->kind)
        return kind < entry->kind ? -1 : 1;
    size_t i = 0;
    for (; i < len && entry->name[i] != '\0'; i++) {
        if (name[i] != entry->name[i])
            return (unsigned char)name[i] < (unsigned char)entry->name[i] ? -1 : 1;
    }
    if (i == len)
        return entry->name[i] == '\0' ? 0 : -1;
    return 1;
}

static const RxPropSet *find(RxPropKind kind, const char *name, size_t len)
{
    uint32_t lo = 0, hi = rx_prop_name_count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        int c = compare_name(kind, name, len, &rx_prop_names[mid]);
        if (c == 0)
            return rx_prop_names[mid].set;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

static uint32_t read_varint(const uint8_t **p)
{
    uint32_t value = 0, shift = 0;
    uint8_t byte;
    do {
        byte = *(*p)++;
        value |= (uint32_t)(byte & 0x7F) << shift;
        shift += 7;
    } while (byte & 0x80);
    return value;
}

static void add_ranges(const RxPropSet *set, RxCharSet *chars)
{
    const uint8_t *p = set->data, *end = set->data + set->length;
    uint32_t previous_end = 0;
    while (p < end) {
        uint32_t begin = previous_end + read_varint(&p);
        uint32_t length = read_varint(&p);
        rx_charset_add_range(chars, begin, begin + length - 1);
        previous_end = begin + length;
    }
}

/* A property of strings: its one-code-point members are characters. */
static void add_strings(const RxPropSet *set, RxClass *class_)
{
    const uint8_t *p = set->data, *end = set->data + set->length;
    uint32_t cps[64];
    while (p < end) {
        uint32_t len = read_varint(&p);
        for (uint32_t i = 0; i < len; i++) {
            uint32_t cp = read_varint(&p);
            if (i < 64)
                cps[i] = cp;
        }
        if (len == 1)
            rx_charset_add(&class_->chars, cps[0]);
        else if (len <= 64)
            rx_strings_add(&class_->strings, cps, len);
    }
}

static bool name_is(const char *text, size_t len, const char *a, const char *b)
{
    return (strlen(a) == len && memcmp(text, a, len) == 0) || (strlen(b) == len && memcmp(text, b, len) == 0);
}

/* UnicodePropertyName `=` UnicodePropertyValue */
static const RxPropSet *find_name_value(const char *text, size_t name_len, const char *value, size_t value_len)
{
    if (name_is(text, name_len, "General_Category", "gc"))
        return find(RX_PROP_GC, value, value_len);
    if (name_is(text, name_len, "Script", "sc"))
        return find(RX_PROP_SCRIPT, value, value_len);
    if (name_is(text, name_len, "Script_Extensions", "scx"))
        return find(RX_PROP_SCX, value, value_len);
    return NULL;
}

bool rx_property_add(const char *text, size_t len, RxClass *class_)
{
    const char *equals = memchr(text, '=', len);
    if (equals) {
        size_t name_len = (size_t)(equals - text);
        const RxPropSet *set = find_name_value(text, name_len, equals + 1, len - name_len - 1);
        if (set)
            add_ranges(set, &class_->chars);
        return set != NULL;
    }
    /* LoneUnicodePropertyNameOrValue: a General_Category value, a binary
     * property, or a property of strings */
    const RxPropSet *set = find(RX_PROP_GC, text, len);
    if (!set)
        set = find(RX_PROP_BINARY, text, len);
    if (set) {
        add_ranges(set, &class_->chars);
        return true;
    }
    set = find(RX_PROP_STRINGS, text, len);
    if (set)
        add_strings(set, class_);
    return set != NULL;
}
