/*
 * Symbol (ES2025 20.4): the constructor, the global symbol registry
 * (Symbol.for, Symbol.keyFor), the well-known symbols and
 * Symbol.prototype.
 */
#include <stdlib.h>

#include "stdlib/es/builtin.h"
#include "stdlib/es/primitive_object.h"
#include "stdlib/es/string_builder.h"

static const char *const WELL_KNOWN_NAMES[] = {
#define S(name) #name,
    WELL_KNOWN_SYMBOLS(S)
#undef S
};

_Static_assert(WELL_KNOWN__COUNT <= sizeof(((VM *)0)->well_known_symbols) / sizeof(Symbol *),
               "VM.well_known_symbols is too small");

/* ES2025 6.1.5.1 Well-Known Symbols: made once per VM and pinned, with the
 * description "Symbol.iterator" and so on. */
Symbol *stdlib_well_known_symbol(VM *vm, WellKnownSymbol id)
{
    if (vm->well_known_symbols[id])
        return vm->well_known_symbols[id];
    char text[40];
    snprintf(text, sizeof text, "Symbol.%s", WELL_KNOWN_NAMES[id]);
    String *description = string_from_cstr(vm, text);
    if (!description)
        return NULL;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, description);
    Symbol *symbol = symbol_new(vm, description);
    GC_SCOPE_END(vm->heap);
    if (!symbol)
        return NULL;
    symbol->cell.flags |= SYMBOL_WELL_KNOWN;
    gc_pin(vm->heap, &symbol->cell);
    vm->well_known_symbols[id] = symbol;
    return symbol;
}

/* ES2025 20.4.3 thisSymbolValue ( value ) */
static Value this_symbol_value(VM *vm, Value value, const char *method)
{
    Value symbol;
    if (value_is_symbol(value))
        return value;
    if (primitive_object_unwrap(value, &symbol_object_class, &symbol))
        return symbol;
    return vm_throw_type_error(vm, "%s requires that 'this' be a Symbol", method);
}

/* ES2025 20.4.3.3.1 SymbolDescriptiveString ( sym ) */
static Value symbol_descriptive_string(VM *vm, Symbol *symbol)
{
    StringBuilder sb;
    string_builder_init(&sb);
    bool ok = string_builder_append_cstr(vm, &sb, "Symbol(")
              && (!symbol->description || string_builder_append_string(vm, &sb, symbol->description))
              && string_builder_append_unit(vm, &sb, ')');
    if (!ok) {
        string_builder_free(&sb);
        return VALUE_EXCEPTION;
    }
    String *s = string_builder_finish(vm, &sb);
    return s ? value_from_string(s) : VALUE_EXCEPTION;
}

/* ES2025 20.4.1.1 Symbol ( [ description ] ) */
static Value symbol_constructor(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value;
    if (new_target)
        return vm_throw_type_error(vm, "Symbol is not a constructor");
    Value description = es_arg(argc, argv, 0);
    String *text = NULL;
    if (!value_is_undefined(description) && !(text = es_to_string(vm, description)))
        return VALUE_EXCEPTION;
    Symbol *symbol = symbol_new(vm, text);
    return symbol ? value_from_symbol(symbol) : VALUE_EXCEPTION;
}

/* ES2025 20.4.2.2 Symbol.for ( key ) */
static Value symbol_for(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)new_target;
    String *text = es_to_string(vm, es_arg(argc, argv, 0));
    if (!text)
        return VALUE_EXCEPTION;
    Object *registry = realm_intrinsic(vm, INTRINSIC_SymbolRegistry);
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, text);
    Value key = property_key_from_value(vm, value_from_string(text));
    GC_ROOT(vm->heap, key);
    Value result = value_is_exception(key) ? key : es_get(vm, registry, key);
    GC_ROOT(vm->heap, result);
    if (value_is_undefined(result)) {
        Symbol *symbol = symbol_new(vm, text);
        result = VALUE_EXCEPTION;
        if (symbol) {
            symbol->cell.flags |= SYMBOL_REGISTERED;
            result = value_from_symbol(symbol);
            if (object_create_data_property(vm, registry, key, result) < 0)
                result = VALUE_EXCEPTION;
        }
    }
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 20.4.2.6 Symbol.keyFor ( sym ) */
static Value symbol_key_for(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)new_target;
    Value sym = es_arg(argc, argv, 0);
    if (!value_is_symbol(sym)) {
        char *text = es_describe_value(vm, sym);
        vm_throw_type_error(vm, "%s is not a symbol", text ? text : "?");
        free(text);
        return VALUE_EXCEPTION;
    }
    Symbol *symbol = value_as_symbol(sym);
    if (symbol->cell.flags & SYMBOL_REGISTERED)
        return value_from_string(symbol->description);
    return VALUE_UNDEFINED;
}

/* ES2025 20.4.3.2 get Symbol.prototype.description */
static Value symbol_proto_description(VM *vm, Value this_value, uint32_t argc, const Value *argv,
                                      Object *new_target)
{
    (void)argc, (void)argv, (void)new_target;
    Value s = this_symbol_value(vm, this_value, "Symbol.prototype.description");
    if (value_is_exception(s))
        return s;
    Symbol *symbol = value_as_symbol(s);
    return symbol->description ? value_from_string(symbol->description) : VALUE_UNDEFINED;
}

/* ES2025 20.4.3.3 Symbol.prototype.toString ( ) */
static Value symbol_proto_to_string(VM *vm, Value this_value, uint32_t argc, const Value *argv,
                                    Object *new_target)
{
    (void)argc, (void)argv, (void)new_target;
    Value s = this_symbol_value(vm, this_value, "Symbol.prototype.toString");
    return value_is_exception(s) ? s : symbol_descriptive_string(vm, value_as_symbol(s));
}

/* ES2025 20.4.3.4 Symbol.prototype.valueOf ( ) */
static Value symbol_proto_value_of(VM *vm, Value this_value, uint32_t argc, const Value *argv,
                                   Object *new_target)
{
    (void)argc, (void)argv, (void)new_target;
    return this_symbol_value(vm, this_value, "Symbol.prototype.valueOf");
}

/* ES2025 20.4.3.5 Symbol.prototype [ %Symbol.toPrimitive% ] ( hint ) */
static Value symbol_proto_to_primitive(VM *vm, Value this_value, uint32_t argc, const Value *argv,
                                       Object *new_target)
{
    (void)argc, (void)argv, (void)new_target;
    return this_symbol_value(vm, this_value, "Symbol.prototype [ @@toPrimitive ]");
}

/* The constructor's properties: Symbol.iterator and the other well-known
 * symbols (non-writable, non-enumerable, non-configurable), for, keyFor. */
static bool install_statics(VM *vm, Realm *realm, Object *ctor)
{
    (void)realm;
    for (int id = 0; id < WELL_KNOWN__COUNT; id++) {
        Symbol *symbol = stdlib_well_known_symbol(vm, id);
        if (!symbol || !es_define_value(vm, ctor, WELL_KNOWN_NAMES[id], value_from_symbol(symbol), 0))
            return false;
    }
    return es_define_method(vm, ctor, "for", symbol_for, 1) && es_define_method(vm, ctor, "keyFor", symbol_key_for, 1);
}

static bool install_prototype(VM *vm, Realm *realm, Object *proto)
{
    (void)realm;
    return es_define_method(vm, proto, "toString", symbol_proto_to_string, 0)
           && es_define_method(vm, proto, "valueOf", symbol_proto_value_of, 0)
           && es_define_accessor(vm, proto, es_key_cstr(vm, "description"), "description",
                                 symbol_proto_description, NULL)
           && es_define_to_string_tag(vm, proto, "Symbol")
           && es_define_symbol_method(vm, proto, WELL_KNOWN_toPrimitive, symbol_proto_to_primitive, 1,
                                      PROP_CONFIGURABLE);
}

bool stdlib_install_symbol(VM *vm, Realm *realm)
{
    Object *object_proto = realm->intrinsics[INTRINSIC_ObjectPrototype];
    if (!realm->intrinsics[INTRINSIC_SymbolRegistry]
        && !(realm->intrinsics[INTRINSIC_SymbolRegistry] = object_new_ordinary(vm, NULL)))
        return false;
    Object *proto = es_ensure_intrinsic(vm, realm, INTRINSIC_SymbolPrototype, object_proto);
    Object *ctor = proto ? es_define_constructor(vm, realm, "Symbol", symbol_constructor, 0, proto) : NULL;
    if (!ctor)
        return false;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, ctor);
    /* The well-known symbols the interpreter reads from the VM without
     * asking for them (vm/operators.c operators_well_known_key) are made
     * now, the others on first use; the properties on first use too
     * (vm/lazy_holder.c). */
    static const WellKnownSymbol read_by_vm[] = {
        WELL_KNOWN_toPrimitive, WELL_KNOWN_hasInstance, WELL_KNOWN_iterator,
        WELL_KNOWN_asyncIterator, WELL_KNOWN_toStringTag,
    };
    bool ok = true;
    for (size_t i = 0; ok && i < sizeof read_by_vm / sizeof *read_by_vm; i++)
        ok = stdlib_well_known_symbol(vm, read_by_vm[i]) != NULL;
    ok = ok && realm_defer_constructor(vm, realm, ctor, install_statics, proto, install_prototype);
    GC_SCOPE_END(vm->heap);
    return ok;
}
