/*
 * Reads the frontmatter subset described in metadata.h.
 *
 * The frontmatter is scanned line by line. A line at indentation 0 starts a
 * top-level key; a key with an empty value opens a block whose indented
 * lines belong to it ("- item" for lists, "phase: parse" for negative:).
 * Indented lines under any other key (block scalars such as "info: |") are
 * skipped, which is why indentation 0 alone decides where a key starts.
 */
#include "tools/test262/metadata.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Slice {
    const char *chars;
    size_t len;
} Slice;

typedef struct LineReader {
    const char *next;
    const char *end;
} LineReader;

/* Which top-level key the indented lines that follow belong to. */
typedef enum Block {
    BLOCK_NONE,       /* a key we skip, or none yet */
    BLOCK_LIST,       /* flags:, includes: or features: with "- item" lines */
    BLOCK_NEGATIVE,   /* negative: with "phase:" and "type:" lines */
} Block;

typedef struct ParseState {
    TestMetadata *out;
    StringList flag_names;    /* flags: as written; turned into bits at the end */
    StringList *list;         /* the list a BLOCK_LIST appends to */
    Block block;
    bool has_negative;
    char *error;
    size_t error_size;
} ParseState;

static const char OPEN_MARKER[] = "/*---";
static const char CLOSE_MARKER[] = "---*/";

/* ---- slices ---- */

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static Slice slice_trim(Slice s)
{
    while (s.len > 0 && is_blank(s.chars[0])) {
        s.chars++;
        s.len--;
    }
    while (s.len > 0 && is_blank(s.chars[s.len - 1]))
        s.len--;
    return s;
}

static bool slice_equals(Slice s, const char *text)
{
    return strlen(text) == s.len && memcmp(s.chars, text, s.len) == 0;
}

/* YAML comments start with '#' at the start of a value or after a blank. */
static Slice strip_comment(Slice s)
{
    for (size_t i = 0; i < s.len; i++) {
        if (s.chars[i] == '#' && (i == 0 || is_blank(s.chars[i - 1]))) {
            s.len = i;
            break;
        }
    }
    return slice_trim(s);
}

static Slice unquote(Slice s)
{
    s = slice_trim(s);
    if (s.len >= 2 && (s.chars[0] == '"' || s.chars[0] == '\'') && s.chars[s.len - 1] == s.chars[0]) {
        s.chars++;
        s.len -= 2;
    }
    return s;
}

/* ---- lines ---- */

static bool next_line(LineReader *reader, Slice *line)
{
    if (reader->next >= reader->end)
        return false;
    const char *start = reader->next;
    const char *newline = memchr(start, '\n', (size_t)(reader->end - start));
    const char *stop = newline ? newline : reader->end;
    reader->next = newline ? newline + 1 : reader->end;
    line->chars = start;
    line->len = (size_t)(stop - start);
    if (line->len > 0 && line->chars[line->len - 1] == '\r')
        line->len--;
    return true;
}

static size_t indentation(Slice line)
{
    size_t n = 0;
    while (n < line.len && (line.chars[n] == ' ' || line.chars[n] == '\t'))
        n++;
    return n;
}

/* Splits "key: value" (value may be empty). False when line is no such pair. */
static bool split_key_value(Slice line, Slice *key, Slice *value)
{
    const char *colon = memchr(line.chars, ':', line.len);
    if (!colon)
        return false;
    size_t key_len = (size_t)(colon - line.chars);
    size_t rest = line.len - key_len - 1;
    if (rest > 0 && !is_blank(colon[1]))
        return false;   /* "a:b" is a plain scalar in YAML, not a pair */
    *key = slice_trim((Slice){line.chars, key_len});
    *value = strip_comment((Slice){colon + 1, rest});
    return key->len > 0;
}

/* ---- building the result ---- */

static void string_list_push(StringList *list, Slice item)
{
    char *copy = malloc(item.len + 1);
    char **items = realloc(list->items, (list->count + 1) * sizeof *items);
    if (!copy || !items) {
        /* The runner cannot continue meaningfully without memory. */
        fprintf(stderr, "test262: out of memory\n");
        exit(2);
    }
    memcpy(copy, item.chars, item.len);
    copy[item.len] = '\0';
    list->items = items;
    list->items[list->count++] = copy;
}

static void string_list_free(StringList *list)
{
    for (size_t i = 0; i < list->count; i++)
        free(list->items[i]);
    free(list->items);
    list->items = NULL;
    list->count = 0;
}

bool string_list_contains(const StringList *list, const char *item)
{
    for (size_t i = 0; i < list->count; i++) {
        if (strcmp(list->items[i], item) == 0)
            return true;
    }
    return false;
}

static bool fail(ParseState *state, const char *message, Slice detail)
{
    snprintf(state->error, state->error_size, "frontmatter: %s '%.*s'", message, (int)detail.len, detail.chars);
    return false;
}

/* Appends the items of a flow sequence body ("a, b, c", brackets removed). */
static void push_flow_items(StringList *list, Slice body)
{
    while (body.len > 0) {
        const char *comma = memchr(body.chars, ',', body.len);
        size_t item_len = comma ? (size_t)(comma - body.chars) : body.len;
        Slice item = unquote((Slice){body.chars, item_len});
        if (item.len > 0)
            string_list_push(list, item);
        size_t consumed = comma ? item_len + 1 : item_len;
        body.chars += consumed;
        body.len -= consumed;
    }
}

static bool set_negative_field(ParseState *state, Slice key, Slice value)
{
    value = unquote(value);
    if (slice_equals(key, "phase")) {
        if (slice_equals(value, "parse"))
            state->out->kind = TEST_NEGATIVE_PARSE;
        else if (slice_equals(value, "resolution"))
            state->out->kind = TEST_NEGATIVE_RESOLUTION;
        else if (slice_equals(value, "runtime"))
            state->out->kind = TEST_NEGATIVE_RUNTIME;
        else
            return fail(state, "unknown negative phase", value);
    } else if (slice_equals(key, "type")) {
        if (value.len >= sizeof state->out->negative_type)
            return fail(state, "negative type too long", value);
        memcpy(state->out->negative_type, value.chars, value.len);
        state->out->negative_type[value.len] = '\0';
    }
    return true;
}

/* negative: {phase: parse, type: SyntaxError} */
static bool parse_flow_negative(ParseState *state, Slice body)
{
    while (body.len > 0) {
        const char *comma = memchr(body.chars, ',', body.len);
        size_t pair_len = comma ? (size_t)(comma - body.chars) : body.len;
        Slice pair = slice_trim((Slice){body.chars, pair_len}), key, value;
        if (pair.len > 0) {
            if (!split_key_value(pair, &key, &value))
                return fail(state, "bad negative entry", pair);
            if (!set_negative_field(state, key, value))
                return false;
        }
        size_t consumed = comma ? pair_len + 1 : pair_len;
        body.chars += consumed;
        body.len -= consumed;
    }
    return true;
}

/*
 * A flow collection may continue over several lines. Returns its body with
 * the brackets removed, malloc'd, reading further lines as needed.
 */
static char *read_flow_body(LineReader *reader, Slice first, char close)
{
    size_t cap = first.len + 1, len = 0;
    char *text = malloc(cap);
    Slice piece = first, line;
    for (;;) {
        if (len + piece.len + 2 > cap) {
            cap = (len + piece.len + 2) * 2;
            text = realloc(text, cap);
        }
        if (!text) {
            fprintf(stderr, "test262: out of memory\n");
            exit(2);
        }
        memcpy(text + len, piece.chars, piece.len);
        len += piece.len;
        text[len++] = ' ';
        if (memchr(piece.chars, close, piece.len) || !next_line(reader, &line))
            break;
        piece = strip_comment(line);
    }
    text[len] = '\0';
    char *closing = strrchr(text, close);
    if (closing)
        *closing = '\0';
    memmove(text, text + 1, strlen(text));   /* drop the opening bracket */
    return text;
}

/* ---- keys ---- */

static StringList *list_for_key(ParseState *state, Slice key)
{
    if (slice_equals(key, "flags"))
        return &state->flag_names;
    if (slice_equals(key, "includes"))
        return &state->out->includes;
    if (slice_equals(key, "features"))
        return &state->out->features;
    return NULL;
}

static bool parse_list_key(ParseState *state, LineReader *reader, StringList *list, Slice value)
{
    if (value.len == 0) {
        state->block = BLOCK_LIST;
        state->list = list;
        return true;
    }
    if (value.chars[0] != '[') {
        string_list_push(list, unquote(value));   /* "flags: raw", lenient */
        return true;
    }
    char *body = read_flow_body(reader, value, ']');
    push_flow_items(list, (Slice){body, strlen(body)});
    free(body);
    return true;
}

static bool parse_negative_key(ParseState *state, LineReader *reader, Slice value)
{
    state->has_negative = true;
    if (value.len == 0) {
        state->block = BLOCK_NEGATIVE;
        return true;
    }
    if (value.chars[0] != '{')
        return fail(state, "negative: is not a mapping", value);
    char *body = read_flow_body(reader, value, '}');
    bool ok = parse_flow_negative(state, (Slice){body, strlen(body)});
    free(body);
    return ok;
}

static bool parse_top_level_line(ParseState *state, LineReader *reader, Slice line)
{
    Slice key, value;
    state->block = BLOCK_NONE;
    if (!split_key_value(line, &key, &value))
        return true;   /* not a key: a stray line, or "---" */
    StringList *list = list_for_key(state, key);
    if (list)
        return parse_list_key(state, reader, list, value);
    if (slice_equals(key, "negative"))
        return parse_negative_key(state, reader, value);
    return true;
}

static bool parse_indented_line(ParseState *state, Slice line)
{
    Slice content = strip_comment(line), key, value;
    if (content.len == 0)
        return true;
    if (state->block == BLOCK_LIST) {
        if (content.chars[0] == '-')
            string_list_push(state->list, unquote((Slice){content.chars + 1, content.len - 1}));
        return true;
    }
    if (state->block == BLOCK_NEGATIVE && split_key_value(content, &key, &value))
        return set_negative_field(state, key, value);
    return true;
}

static unsigned flag_bits(const StringList *names)
{
    static const struct { const char *name; TestFlag bit; } FLAGS[] = {
        {"onlyStrict", FLAG_ONLY_STRICT}, {"noStrict", FLAG_NO_STRICT},
        {"module", FLAG_MODULE}, {"raw", FLAG_RAW}, {"async", FLAG_ASYNC},
        {"generated", FLAG_GENERATED}, {"CanBlockIsFalse", FLAG_CAN_BLOCK_IS_FALSE},
        {"CanBlockIsTrue", FLAG_CAN_BLOCK_IS_TRUE}, {"non-deterministic", FLAG_NON_DETERMINISTIC},
    };
    unsigned bits = 0;
    for (size_t i = 0; i < sizeof FLAGS / sizeof FLAGS[0]; i++) {
        if (string_list_contains(names, FLAGS[i].name))
            bits |= FLAGS[i].bit;
    }
    return bits;
}

static bool find_frontmatter(const char *src, size_t len, Slice *body)
{
    const char *open = memmem(src, len, OPEN_MARKER, sizeof OPEN_MARKER - 1);
    if (!open)
        return false;
    const char *start = open + sizeof OPEN_MARKER - 1;
    const char *close = memmem(start, len - (size_t)(start - src), CLOSE_MARKER, sizeof CLOSE_MARKER - 1);
    if (!close)
        return false;
    *body = (Slice){start, (size_t)(close - start)};
    return true;
}

static bool parse_body(ParseState *state, Slice body)
{
    LineReader reader = {body.chars, body.chars + body.len};
    Slice line;
    while (next_line(&reader, &line)) {
        if (slice_trim(line).len == 0)
            continue;
        bool ok = indentation(line) == 0 ? parse_top_level_line(state, &reader, line)
                                         : parse_indented_line(state, line);
        if (!ok)
            return false;
    }
    if (state->has_negative && state->out->kind == TEST_POSITIVE)
        return fail(state, "negative: without a phase", (Slice){"", 0});
    return true;
}

bool metadata_parse(const char *src, size_t len, TestMetadata *out, char *error, size_t error_size)
{
    memset(out, 0, sizeof *out);
    out->kind = TEST_POSITIVE;
    ParseState state = {.out = out, .error = error, .error_size = error_size};
    Slice body;
    if (!find_frontmatter(src, len, &body)) {
        snprintf(error, error_size, "frontmatter: no /*--- ... ---*/ block");
        return false;
    }
    bool ok = parse_body(&state, body);
    out->flags = flag_bits(&state.flag_names);
    string_list_free(&state.flag_names);
    return ok;
}

void metadata_free(TestMetadata *metadata)
{
    string_list_free(&metadata->includes);
    string_list_free(&metadata->features);
}

int metadata_variants(const TestMetadata *metadata, Variant variants[MAX_VARIANTS])
{
    unsigned flags = metadata->flags;
    if (flags & FLAG_MODULE) {
        variants[0] = VARIANT_MODULE;   /* module code is strict by itself */
        return 1;
    }
    if (flags & FLAG_RAW) {
        variants[0] = VARIANT_RAW;
        return 1;
    }
    if (flags & FLAG_ONLY_STRICT) {
        variants[0] = VARIANT_STRICT;
        return 1;
    }
    if (flags & FLAG_NO_STRICT) {
        variants[0] = VARIANT_SLOPPY;
        return 1;
    }
    variants[0] = VARIANT_SLOPPY;
    variants[1] = VARIANT_STRICT;
    return 2;
}
