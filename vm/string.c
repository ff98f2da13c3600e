/*
 * Strings (ES2025 6.1.4): creation, ropes and their flattening, hashing,
 * equality and ordering, substrings, array-index recognition, UTF-8.
 * The cell layout is described in vm/string_internal.h.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "vm/atom.h"
#include "vm/cell_types.h"
#include "vm/string_internal.h"

/* Concatenations shorter than this are copied at once: a rope cell (40
 * bytes) and a later flattening cost more than copying a few units. */
enum { ROPE_MIN_LENGTH = 24 };

/* ---- The cell type ---- */

static void string_trace(GCTracer *tracer, GCCell *cell)
{
    if (!(cell->flags & STRING_ROPE))
        return;
    Rope *rope = (Rope *)cell;
    gc_mark_cell(tracer, (GCCell *)rope->left);
    gc_mark_cell(tracer, (GCCell *)rope->right);
    gc_mark_cell(tracer, (GCCell *)rope->flat);
}

void string_register_type(Heap *heap)
{
    static const GCTypeInfo info = {"string", string_trace, NULL};
    gc_register_type(heap, CELL_TYPE_STRING, &info);
}

/* ---- Allocation ---- */

static bool check_length(VM *vm, uint64_t len)
{
    if (len <= STRING_MAX_LENGTH)
        return true;
    vm_throw_range_error(vm, "Invalid string length");
    return false;
}

/* A flat string of len units with uninitialized characters (zeroed, in
 * fact). NULL after throwing. */
static String *alloc_flat(VM *vm, uint32_t len, bool latin1)
{
    size_t chars = latin1 ? (size_t)len + 1 : (size_t)len * 2;
    String *s = gc_alloc(vm->heap, sizeof(String) + chars, CELL_TYPE_STRING);
    if (!s) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    s->cell.aux = len;
    s->cell.flags = latin1 ? STRING_LATIN1 : 0;
    return s;
}

static uint8_t *latin1_buffer(String *flat) { return (uint8_t *)(flat + 1); }
static uint16_t *utf16_buffer(String *flat) { return (uint16_t *)(flat + 1); }

static bool units_fit_latin1(const uint16_t *units, uint32_t len)
{
    for (uint32_t i = 0; i < len; i++)
        if (units[i] > 0xFF)
            return false;
    return true;
}

/* ---- Creation ---- */

String *string_empty(VM *vm) { return vm_atom(vm, ATOM_empty); }

String *string_from_latin1(VM *vm, const uint8_t *chars, uint32_t len)
{
    /* The shared "", except while the atom table is creating it. */
    if (len == 0 && vm->atoms && string_empty(vm))
        return string_empty(vm);
    if (!check_length(vm, len))
        return NULL;
    String *s = alloc_flat(vm, len, true);
    if (s && len)
        memcpy(latin1_buffer(s), chars, len);
    return s;
}

String *string_from_utf16(VM *vm, const uint16_t *units, uint32_t len)
{
    if (len == 0)
        return string_empty(vm);
    if (!check_length(vm, len))
        return NULL;
    bool latin1 = units_fit_latin1(units, len);
    String *s = alloc_flat(vm, len, latin1);
    if (!s)
        return NULL;
    if (latin1) {
        uint8_t *out = latin1_buffer(s);
        for (uint32_t i = 0; i < len; i++)
            out[i] = (uint8_t)units[i];
    } else {
        memcpy(utf16_buffer(s), units, (size_t)len * 2);
    }
    return s;
}

/* ---- UTF-8 decoding ---- */

/*
 * Decodes the code point at *pos and advances past it. Ill-formed input
 * yields U+FFFD once per maximal subpart of an ill-formed sequence (the
 * WHATWG Encoding Standard's UTF-8 decoder, which node's TextDecoder and
 * Buffer follow): overlong forms, surrogates and values above U+10FFFF are
 * rejected at their second byte.
 */
static uint32_t utf8_next(const uint8_t *s, size_t len, size_t *pos)
{
    uint8_t lead = s[(*pos)++];
    if (lead < 0x80)
        return lead;
    int needed;
    uint32_t cp;
    uint8_t lower = 0x80, upper = 0xBF;   /* bounds of the second byte */
    if (lead >= 0xC2 && lead <= 0xDF) {
        needed = 1, cp = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        needed = 2, cp = lead & 0x0F;
        if (lead == 0xE0) lower = 0xA0;        /* overlong */
        if (lead == 0xED) upper = 0x9F;        /* surrogates */
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        needed = 3, cp = lead & 0x07;
        if (lead == 0xF0) lower = 0x90;        /* overlong */
        if (lead == 0xF4) upper = 0x8F;        /* above U+10FFFF */
    } else {
        return 0xFFFD;
    }
    for (int i = 0; i < needed; i++) {
        if (*pos >= len || s[*pos] < lower || s[*pos] > upper)
            return 0xFFFD;   /* the offending byte is decoded again */
        cp = (cp << 6) | (s[(*pos)++] & 0x3F);
        lower = 0x80, upper = 0xBF;
    }
    return cp;
}

String *string_from_utf8(VM *vm, const char *utf8, size_t len)
{
    const uint8_t *bytes = (const uint8_t *)utf8;
    /* First pass: the length in UTF-16 units and the widest unit. */
    uint64_t units = 0;
    uint32_t widest = 0;
    for (size_t pos = 0; pos < len;) {
        uint32_t cp = utf8_next(bytes, len, &pos);
        units += cp > 0xFFFF ? 2 : 1;
        if (cp > widest)
            widest = cp;
    }
    if (units == 0)
        return string_empty(vm);
    if (!check_length(vm, units))
        return NULL;
    String *s = alloc_flat(vm, (uint32_t)units, widest <= 0xFF);
    if (!s)
        return NULL;
    /* Second pass: store the units. */
    uint32_t out = 0;
    for (size_t pos = 0; pos < len;) {
        uint32_t cp = utf8_next(bytes, len, &pos);
        if (widest <= 0xFF) {
            latin1_buffer(s)[out++] = (uint8_t)cp;
        } else if (cp <= 0xFFFF) {
            utf16_buffer(s)[out++] = (uint16_t)cp;
        } else {   /* ES2025 11.1.1 UTF16EncodeCodePoint */
            cp -= 0x10000;
            utf16_buffer(s)[out++] = (uint16_t)(0xD800 + (cp >> 10));
            utf16_buffer(s)[out++] = (uint16_t)(0xDC00 + (cp & 0x3FF));
        }
    }
    return s;
}

String *string_from_cstr(VM *vm, const char *cstr)
{
    return string_from_utf8(vm, cstr, strlen(cstr));
}

/* ---- Access ---- */

uint32_t string_length(const String *s) { return string_len(s); }

bool string_is_latin1(const String *s)
{
    const String *flat = string_flat_of(s);
    assert(flat);
    return flat->cell.flags & STRING_LATIN1;
}

const uint8_t *string_latin1_chars(const String *s)
{
    const String *flat = string_flat_of(s);
    assert(flat && (flat->cell.flags & STRING_LATIN1));
    return flat_latin1(flat);
}

const uint16_t *string_utf16_units(const String *s)
{
    const String *flat = string_flat_of(s);
    assert(flat && !(flat->cell.flags & STRING_LATIN1));
    return flat_utf16(flat);
}

static inline uint16_t flat_unit(const String *flat, uint32_t index)
{
    return (flat->cell.flags & STRING_LATIN1) ? flat_latin1(flat)[index] : flat_utf16(flat)[index];
}

uint16_t string_char_at(const String *s, uint32_t index)
{
    const String *flat = string_flat_of(s);
    assert(flat && index < string_len(flat));
    return flat_unit(flat, index);
}

/* ---- Concatenation and ropes ---- */

static bool content_is_latin1(const String *s)
{
    if (s->cell.flags & STRING_ROPE)
        return s->cell.flags & STRING_ROPE_LATIN1;
    return s->cell.flags & STRING_LATIN1;
}

/* Copies the flat string src into dst (of the given width) at offset. */
static void copy_flat(String *dst, uint32_t offset, const String *src)
{
    uint32_t len = string_len(src);
    if (dst->cell.flags & STRING_LATIN1) {
        memcpy(latin1_buffer(dst) + offset, flat_latin1(src), len);
    } else if (src->cell.flags & STRING_LATIN1) {
        const uint8_t *in = flat_latin1(src);
        uint16_t *out = utf16_buffer(dst) + offset;
        for (uint32_t i = 0; i < len; i++)
            out[i] = in[i];
    } else {
        memcpy(utf16_buffer(dst) + offset, flat_utf16(src), (size_t)len * 2);
    }
}

/* A piece of a rope still to be copied, and where its characters go. */
typedef struct Pending {
    const String *piece;
    uint32_t offset;
} Pending;

typedef struct PendingStack {
    Pending *items;
    size_t count, capacity;
    Pending inline_items[32];
} PendingStack;

static bool pending_push(PendingStack *stack, const String *piece, uint32_t offset)
{
    if (stack->count == stack->capacity) {
        size_t capacity = stack->capacity * 2;
        Pending *items = stack->items == stack->inline_items ? NULL : stack->items;
        items = realloc(items, capacity * sizeof *items);
        if (!items)
            return false;
        if (stack->items == stack->inline_items)
            memcpy(items, stack->inline_items, sizeof stack->inline_items);
        stack->items = items;
        stack->capacity = capacity;
    }
    stack->items[stack->count++] = (Pending){piece, offset};
    return true;
}

/*
 * Copies the characters of the rope into dst without recursion: a loop walks
 * down the tree, copying flat pieces as it meets them and continuing into a
 * rope child. Only a rope whose two children are both unflattened ropes
 * leaves one child on an explicit (heap-grown) stack, so the left- and
 * right-leaning ropes that loops build need no stack at all, and nothing
 * depends on the depth of the C stack. Does not allocate on the GC heap.
 */
static bool copy_rope(String *dst, const Rope *rope)
{
    PendingStack stack = {.items = NULL, .count = 0, .capacity = 32};
    stack.items = stack.inline_items;
    bool ok = true;
    const String *piece = &rope->base;
    uint32_t offset = 0;
    for (;;) {
        const Rope *node = (const Rope *)piece;
        if (!(piece->cell.flags & STRING_ROPE) || node->flat) {
            copy_flat(dst, offset, string_flat_of(piece));
            if (stack.count == 0)
                break;
            Pending next = stack.items[--stack.count];
            piece = next.piece, offset = next.offset;
            continue;
        }
        const String *left = node->left, *right = node->right;
        uint32_t right_offset = offset + string_len(left);
        bool left_is_flat = !(left->cell.flags & STRING_ROPE) || ((const Rope *)left)->flat;
        if (left_is_flat) {
            copy_flat(dst, offset, string_flat_of(left));
            piece = right, offset = right_offset;
        } else {
            if (!pending_push(&stack, right, right_offset)) {
                ok = false;
                break;
            }
            piece = left;
        }
    }
    if (stack.items != stack.inline_items)
        free(stack.items);
    return ok;
}

bool string_flatten(VM *vm, String *s)
{
    if (!(s->cell.flags & STRING_ROPE) || ((Rope *)s)->flat)
        return true;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);   /* keeps the whole tree while we allocate */
    String *flat = alloc_flat(vm, string_len(s), s->cell.flags & STRING_ROPE_LATIN1);
    bool ok = flat != NULL;
    if (ok && !copy_rope(flat, (Rope *)s)) {
        vm_throw_out_of_memory(vm);
        ok = false;
    }
    if (ok) {
        Rope *rope = (Rope *)s;
        rope->flat = flat;
        rope->left = rope->right = NULL;   /* the pieces may now be collected */
    }
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* The concatenation as a fresh flat string; both pieces must be flat. */
static String *concat_flat(VM *vm, String *left, String *right, uint32_t len)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, left);
    GC_ROOT_CELL(vm->heap, right);
    String *s = alloc_flat(vm, len, content_is_latin1(left) && content_is_latin1(right));
    if (s) {
        copy_flat(s, 0, string_flat_of(left));
        copy_flat(s, string_len(left), string_flat_of(right));
    }
    GC_SCOPE_END(vm->heap);
    return s;
}

static String *make_rope(VM *vm, String *left, String *right, uint32_t len)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, left);
    GC_ROOT_CELL(vm->heap, right);
    Rope *rope = gc_alloc(vm->heap, sizeof(Rope), CELL_TYPE_STRING);
    if (rope) {
        rope->base.cell.aux = len;
        rope->base.cell.flags = STRING_ROPE;
        if (content_is_latin1(left) && content_is_latin1(right))
            rope->base.cell.flags |= STRING_ROPE_LATIN1;
        rope->left = left;
        rope->right = right;
    } else {
        vm_throw_out_of_memory(vm);
    }
    GC_SCOPE_END(vm->heap);
    return (String *)rope;
}

/* ES2025 6.1.4: string-concatenation. Long results are ropes, so that
 * building a string piece by piece stays linear. */
String *string_concat(VM *vm, String *left, String *right)
{
    if (string_len(left) == 0)
        return right;
    if (string_len(right) == 0)
        return left;
    uint64_t len = (uint64_t)string_len(left) + string_len(right);
    if (!check_length(vm, len))
        return NULL;
    if (len >= ROPE_MIN_LENGTH)
        return make_rope(vm, left, right, (uint32_t)len);
    /* Both are shorter than ROPE_MIN_LENGTH, hence flat: ropes never are. */
    return concat_flat(vm, left, right, (uint32_t)len);
}

/* ---- Substrings ---- */

String *string_substring(VM *vm, String *s, uint32_t start, uint32_t end)
{
    assert(start <= end && end <= string_len(s));
    if (start == 0 && end == string_len(s))
        return s;
    if (start == end)
        return string_empty(vm);
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);   /* the source characters, while we allocate */
    String *result = NULL;
    if (string_flatten(vm, s)) {
        const String *flat = string_flat_of(s);
        if (flat->cell.flags & STRING_LATIN1)
            result = string_from_latin1(vm, flat_latin1(flat) + start, end - start);
        else   /* narrows when the slice has no unit above 0xFF */
            result = string_from_utf16(vm, flat_utf16(flat) + start, end - start);
    }
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ---- Hashing, equality, ordering ---- */

/* FNV-1a over code units: simple, and good enough for identifier-like keys. */
enum { FNV_OFFSET = 2166136261u, FNV_PRIME = 16777619u };

uint32_t string_hash_latin1(const uint8_t *chars, uint32_t len)
{
    uint32_t hash = FNV_OFFSET;
    for (uint32_t i = 0; i < len; i++)
        hash = (hash ^ chars[i]) * FNV_PRIME;
    return hash;
}

uint32_t string_hash_utf16(const uint16_t *units, uint32_t len)
{
    uint32_t hash = FNV_OFFSET;
    for (uint32_t i = 0; i < len; i++)
        hash = (hash ^ units[i]) * FNV_PRIME;
    return hash;
}

uint32_t string_hash(String *s)
{
    if (s->cell.flags & STRING_HASHED)
        return s->hash;
    const String *flat = string_flat_of(s);
    assert(flat);
    uint32_t len = string_len(flat);
    s->hash = (flat->cell.flags & STRING_LATIN1) ? string_hash_latin1(flat_latin1(flat), len)
                                                 : string_hash_utf16(flat_utf16(flat), len);
    s->cell.flags |= STRING_HASHED;
    return s->hash;
}

bool string_equals(String *a, String *b)
{
    if (a == b)
        return true;
    if (string_len(a) != string_len(b))
        return false;
    /* Two distinct atoms differ: atoms are unique by content. */
    if ((a->cell.flags & STRING_ATOM) && (b->cell.flags & STRING_ATOM))
        return false;
    if ((a->cell.flags & b->cell.flags & STRING_HASHED) && a->hash != b->hash)
        return false;
    const String *fa = string_flat_of(a), *fb = string_flat_of(b);
    assert(fa && fb);
    uint16_t width = fa->cell.flags & STRING_LATIN1;
    if (width != (fb->cell.flags & STRING_LATIN1))
        return false;   /* see the narrowing invariant in string_internal.h */
    size_t bytes = width ? string_len(a) : (size_t)string_len(a) * 2;
    return memcmp(fa + 1, fb + 1, bytes) == 0;
}

/* ES2025 7.2.13 IsLessThan on strings compares code units in order. */
int string_compare(String *a, String *b)
{
    const String *fa = string_flat_of(a), *fb = string_flat_of(b);
    assert(fa && fb);
    uint32_t la = string_len(fa), lb = string_len(fb);
    uint32_t common = la < lb ? la : lb;
    if ((fa->cell.flags & fb->cell.flags & STRING_LATIN1)) {
        int c = memcmp(flat_latin1(fa), flat_latin1(fb), common);
        if (c != 0)
            return c < 0 ? -1 : 1;
    } else {
        for (uint32_t i = 0; i < common; i++) {
            uint16_t ua = flat_unit(fa, i), ub = flat_unit(fb, i);
            if (ua != ub)
                return ua < ub ? -1 : 1;
        }
    }
    return la < lb ? -1 : la > lb ? 1 : 0;
}

/* ---- Array indices ---- */

/*
 * ES2025 6.1.7: an array index is a canonical numeric string for an integer
 * in 0 .. 2^32 - 2, so: "0", or up to 10 digits without a leading zero.
 */
static bool spells_array_index(const String *flat, uint32_t *index)
{
    uint32_t len = string_len(flat);
    if (len == 0 || len > 10)
        return false;
    if (len > 1 && flat_unit(flat, 0) == '0')
        return false;
    uint64_t value = 0;
    for (uint32_t i = 0; i < len; i++) {
        uint16_t unit = flat_unit(flat, i);
        if (unit < '0' || unit > '9')
            return false;
        value = value * 10 + (unit - '0');
    }
    if (value > 4294967294u)
        return false;
    *index = (uint32_t)value;
    return true;
}

bool string_array_index(String *s, uint32_t *index)
{
    if (!(s->cell.flags & STRING_INDEX_CHECKED)) {
        const String *flat = string_flat_of(s);
        assert(flat);
        uint32_t value;
        s->cell.flags |= STRING_INDEX_CHECKED;
        if (spells_array_index(flat, &value)) {
            s->cell.flags |= STRING_IS_INDEX;
            s->index = value;
        }
    }
    if (!(s->cell.flags & STRING_IS_INDEX))
        return false;
    *index = s->index;
    return true;
}

/* ---- UTF-8 encoding ---- */

static size_t utf8_encode(uint32_t cp, char *out)
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

/* ES2025 11.1.4 CodePointAt, with a lone surrogate read as U+FFFD. */
static uint32_t code_point_at(const uint16_t *units, uint32_t len, uint32_t *i)
{
    uint16_t unit = units[(*i)++];
    if (unit < 0xD800 || unit > 0xDFFF)
        return unit;
    if (unit <= 0xDBFF && *i < len && units[*i] >= 0xDC00 && units[*i] <= 0xDFFF)
        return 0x10000 + (((uint32_t)unit - 0xD800) << 10) + (units[(*i)++] - 0xDC00);
    return 0xFFFD;
}

char *string_to_utf8(const String *s, size_t *len)
{
    const String *flat = string_flat_of(s);
    assert(flat);
    uint32_t n = string_len(flat);
    /* At most 3 bytes per unit: a surrogate pair (2 units) makes 4 bytes. */
    char *out = malloc((size_t)n * 3 + 1);
    if (!out)
        return NULL;
    size_t pos = 0;
    if (flat->cell.flags & STRING_LATIN1) {
        const uint8_t *chars = flat_latin1(flat);
        for (uint32_t i = 0; i < n; i++)
            pos += utf8_encode(chars[i], out + pos);
    } else {
        const uint16_t *units = flat_utf16(flat);
        for (uint32_t i = 0; i < n;)
            pos += utf8_encode(code_point_at(units, n, &i), out + pos);
    }
    out[pos] = '\0';
    if (len)
        *len = pos;
    return out;
}
