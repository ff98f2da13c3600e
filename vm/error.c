/*
 * Error objects made by the VM (vm->make_error: every vm_throw_error once a
 * realm exists), their "stack" property as V8 writes it, and the names of
 * callees in "x is not a function" messages.
 *
 *     TypeError: Cannot read properties of undefined (reading 'z')
 *         at f (/tmp/a.js:2:14)
 *         at Object.<anonymous> (/tmp/a.js:4:1)
 *
 * A frame's position is the line table entry of its saved pc: the
 * instruction running in the top frame, the call instruction in the others.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/atom.h"
#include "vm/interp_internal.h"
#include "vm/object_internal.h"
#include "vm/operators.h"

enum { STACK_TRACE_LIMIT = 10 };   /* V8's Error.stackTraceLimit */

/* ---- A growable UTF-8 buffer ---- */
typedef struct TextBuffer {
    char *data;
    size_t length, capacity;
    bool failed;
} TextBuffer;

static void text_append(TextBuffer *b, const char *text, size_t length)
{
    if (b->failed)
        return;
    if (b->length + length + 1 > b->capacity) {
        size_t capacity = (b->length + length + 1) * 2;
        char *grown = realloc(b->data, capacity);
        if (!grown) {
            b->failed = true;
            return;
        }
        b->data = grown;
        b->capacity = capacity;
    }
    memcpy(b->data + b->length, text, length);
    b->length += length;
    b->data[b->length] = 0;
}

static void text_append_cstr(TextBuffer *b, const char *text) { text_append(b, text, strlen(text)); }

static void text_append_string(VM *vm, TextBuffer *b, String *s)
{
    if (!s || !string_flatten(vm, s)) {
        b->failed = true;
        return;
    }
    size_t length;
    char *utf8 = string_to_utf8(s, &length);
    if (!utf8) {
        b->failed = true;
        return;
    }
    text_append(b, utf8, length);
    free(utf8);
}

/* ---- Stack traces ---- */

static void append_frame(VM *vm, TextBuffer *b, const Frame *frame)
{
    const FunctionCode *code = frame->code;
    LineTableEntry position = function_code_position(code, (uint32_t)(frame->pc - code->code));
    String *file = code->source ? code->source->name : NULL;
    String *name = frame->callee ? function_display_name(vm, frame->callee) : NULL;
    if (name && !string_length(name))
        name = NULL;
    bool top_level = frame->callee == NULL;
    bool file_named = file && string_length(file) && string_flatten(vm, file) && string_char_at(file, 0) != '[';
    char numbers[32];
    snprintf(numbers, sizeof numbers, ":%u:%u", position.line, position.column);

    text_append_cstr(b, "\n    at ");
    bool wrapped = true;
    if (top_level && file_named) {
        text_append_cstr(b, "Object.<anonymous>");
    } else if (name) {
        if (frame->flags & FRAME_CONSTRUCT)
            text_append_cstr(b, "new ");
        text_append_string(vm, b, name);
    } else if (frame->flags & FRAME_CONSTRUCT) {
        text_append_cstr(b, "new <anonymous>");
    } else {
        wrapped = false;
    }
    if (wrapped)
        text_append_cstr(b, " (");
    if (file)
        text_append_string(vm, b, file);
    else
        text_append_cstr(b, "<anonymous>");
    text_append_cstr(b, numbers);
    if (wrapped)
        text_append_cstr(b, ")");
}

/* V8's ErrorUtils::ToString for the first line: "name: message". */
static void append_header(VM *vm, TextBuffer *b, Object *error)
{
    Value name = object_get(vm, error, value_from_string(vm_atom(vm, ATOM_name)), value_from_object(error));
    if (value_is_exception(name)) {
        vm_take_exception(vm);
        name = VALUE_UNDEFINED;
    }
    String *name_string = value_is_string(name) ? value_as_string(name) : vm_atom(vm, ATOM_empty);
    if (value_is_undefined(name))
        name_string = NULL;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, name_string);
    Value message = object_get(vm, error, value_from_string(vm_atom(vm, ATOM_message)), value_from_object(error));
    if (value_is_exception(message)) {
        vm_take_exception(vm);
        message = VALUE_UNDEFINED;
    }
    String *message_string = value_is_string(message) ? value_as_string(message) : NULL;
    if (name_string)
        text_append_string(vm, b, name_string);
    else
        text_append_cstr(b, "Error");
    if (message_string && string_length(message_string)) {
        if (!name_string || string_length(name_string))
            text_append_cstr(b, ": ");
        text_append_string(vm, b, message_string);
    }
    GC_SCOPE_END(vm->heap);
}

bool error_capture_stack(VM *vm, Object *error)
{
    TextBuffer b = { 0 };
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, error);
    append_header(vm, &b, error);
    Interpreter *in = vm->interp;
    uint32_t shown = 0;
    for (uint32_t i = in->frame_count; i-- > 0 && shown < STACK_TRACE_LIMIT; shown++)
        append_frame(vm, &b, &in->frames[i]);
    bool ok = false;
    if (b.failed) {
        vm_throw_out_of_memory(vm);
    } else {
        String *stack = string_from_utf8(vm, b.data ? b.data : "", b.length);
        GC_ROOT_CELL(vm->heap, stack);
        ok = stack && object_define_data_property(vm, error, value_from_string(vm_atom(vm, ATOM_stack)),
                                                  value_from_string(stack), PROP_WRITABLE | PROP_CONFIGURABLE);
    }
    free(b.data);
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* ---- Error objects ---- */

const ObjectClass error_object_class = {
    .name = "Error",
    ORDINARY_INTERNAL_METHODS,
};

static const IntrinsicId error_prototypes[] = {
    [ERROR_KIND_ERROR] = INTRINSIC_ErrorPrototype,
    [ERROR_KIND_EVAL] = INTRINSIC_EvalErrorPrototype,
    [ERROR_KIND_RANGE] = INTRINSIC_RangeErrorPrototype,
    [ERROR_KIND_REFERENCE] = INTRINSIC_ReferenceErrorPrototype,
    [ERROR_KIND_SYNTAX] = INTRINSIC_SyntaxErrorPrototype,
    [ERROR_KIND_TYPE] = INTRINSIC_TypeErrorPrototype,
    [ERROR_KIND_URI] = INTRINSIC_URIErrorPrototype,
    [ERROR_KIND_AGGREGATE] = INTRINSIC_AggregateErrorPrototype,
    [ERROR_KIND_SUPPRESSED] = INTRINSIC_SuppressedErrorPrototype,
};

IntrinsicId error_prototype_intrinsic(ErrorKind kind) { return error_prototypes[kind]; }

Object *error_object_new(VM *vm, Object *prototype, String *message)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, message);
    Object *error = object_new(vm, &error_object_class, sizeof(Object), prototype);
    GC_ROOT_CELL(vm->heap, error);
    bool ok = error && (!message || object_define_data_property(vm, error, value_from_string(vm_atom(vm, ATOM_message)),
                                                                value_from_string(message),
                                                                PROP_WRITABLE | PROP_CONFIGURABLE)) &&
              error_capture_stack(vm, error);
    GC_SCOPE_END(vm->heap);
    return ok ? error : NULL;
}

Value error_make(VM *vm, ErrorKind kind, String *message)
{
    Object *prototype = realm_intrinsic(vm, error_prototypes[kind]);
    Object *error = error_object_new(vm, prototype, message);
    return error ? value_from_object(error) : VALUE_EXCEPTION;
}

void error_install(VM *vm) { vm->make_error = error_make; }

/* ---- Naming callees ---- */

static bool is_name_char(uint8_t c) { return isalnum(c) || c == '_' || c == '$' || c >= 0x80; }

/* The callee as the source spells it around the call's position: the
 * member chain ending at the name there ("o.foo" for `o.foo()`). NULL when
 * the text there is not a plain chain of names. malloc'd. */
static char *callee_text(VM *vm, const Frame *frame)
{
    const FunctionCode *code = frame->code;
    if (!code->source || !code->source->text || !code->line_count || code->source_end <= code->source_start)
        return NULL;
    String *text = code->source->text;
    if (!string_flatten(vm, text))
        return NULL;
    LineTableEntry position = function_code_position(code, (uint32_t)(frame->pc - code->code));
    size_t length;
    char *source = string_to_utf8(text, &length);
    if (!source)
        return NULL;
    /* Find the position's byte offset (columns count UTF-16 units; ASCII lines only here). */
    size_t offset = 0;
    for (uint32_t line = 1; line < position.line && offset < length; offset++) {
        if (source[offset] == '\n')
            line++;
    }
    offset += position.column ? position.column - 1 : 0;
    /* `new X(...)` is at its `new`: the callee follows it */
    if (offset + 3 < length && memcmp(source + offset, "new", 3) == 0 && isspace((uint8_t)source[offset + 3])) {
        offset += 3;
        while (offset < length && isspace((uint8_t)source[offset]))
            offset++;
    }
    char *result = NULL;
    if (offset < length && is_name_char((uint8_t)source[offset])) {
        size_t end = offset, start = offset;
        while (end < length && (is_name_char((uint8_t)source[end]) ||
                                (source[end] == '.' && end + 1 < length && is_name_char((uint8_t)source[end + 1]))))
            end++;
        while (start > 0 && (is_name_char((uint8_t)source[start - 1]) || source[start - 1] == '.'))
            start--;
        if (source[start] != '.' && !isdigit((uint8_t)source[start])) {
            result = malloc(end - start + 1);
            if (result) {
                memcpy(result, source + start, end - start);
                result[end - start] = 0;
            }
        }
    }
    free(source);
    return result;
}

Value error_throw_not_callable(VM *vm, Frame *frame, Value callee, const char *what)
{
    char *name = callee_text(vm, frame);
    Value error;
    if (name) {
        error = vm_throw_type_error(vm, "%s %s", name, what);
    } else {
        String *s = value_is_object(callee) || value_is_symbol(callee) ? NULL : value_to_string(vm, callee);
        char *shown = s && string_flatten(vm, s) ? string_to_utf8(s, NULL) : NULL;
        error = vm_throw_type_error(vm, "%s %s", shown ? shown : "(intermediate value)", what);
        free(shown);
    }
    free(name);
    return error;
}
