#include "parser/scope.h"

#include <string.h>

/* Scopes are small (most hold a handful of names), so lookups are linear
 * until a scope grows past this many declarations; then a hash index is kept
 * so that a script with thousands of top-level names stays linear. */
enum { SCOPE_LINEAR_LIMIT = 12 };

Scope *scope_new(Arena *arena, ScopeKind kind, Scope *parent)
{
    Scope *scope = arena_calloc(arena, sizeof *scope);
    if (!scope)
        return NULL;
    scope->kind = (uint8_t)kind;
    scope->parent = parent;
    return scope;
}

static uint32_t name_hash(AstName name)
{
    uint32_t h = 2166136261u;   /* FNV-1a */
    for (uint32_t i = 0; i < name.len; i++)
        h = (h ^ (uint8_t)name.chars[i]) * 16777619u;
    return h;
}

static bool names_equal(AstName a, AstName b)
{
    return a.len == b.len && memcmp(a.chars, b.chars, a.len) == 0;
}

static void index_insert(Scope *scope, uint32_t decl_index)
{
    uint32_t mask = scope->index_capacity - 1;
    uint32_t slot = name_hash(scope->decls[decl_index].name) & mask;
    while (scope->index[slot])
        slot = (slot + 1) & mask;
    scope->index[slot] = decl_index + 1;
}

static bool index_rebuild(Arena *arena, Scope *scope)
{
    uint32_t capacity = 32;
    while (capacity < scope->count * 2)
        capacity *= 2;
    uint32_t *index = arena_calloc(arena, capacity * sizeof *index);
    if (!index)
        return false;
    scope->index = index;
    scope->index_capacity = capacity;
    for (uint32_t i = 0; i < scope->count; i++)
        index_insert(scope, i);
    return true;
}

Declaration *scope_find(Scope *scope, AstName name)
{
    if (!scope->index) {
        for (uint32_t i = 0; i < scope->count; i++)
            if (names_equal(scope->decls[i].name, name))
                return &scope->decls[i];
        return NULL;
    }
    uint32_t mask = scope->index_capacity - 1;
    for (uint32_t slot = name_hash(name) & mask; scope->index[slot]; slot = (slot + 1) & mask) {
        Declaration *decl = &scope->decls[scope->index[slot] - 1];
        if (names_equal(decl->name, name))
            return decl;
    }
    return NULL;
}

bool scope_add(Arena *arena, Scope *scope, AstName name, DeclKind kind, uint32_t offset)
{
    if (scope->count == scope->capacity) {
        uint32_t capacity = scope->capacity ? scope->capacity * 2 : 4;
        Declaration *decls = arena_alloc(arena, capacity * sizeof *decls);
        if (!decls)
            return false;
        if (scope->count)
            memcpy(decls, scope->decls, scope->count * sizeof *decls);
        scope->decls = decls;
        scope->capacity = capacity;
    }
    scope->decls[scope->count] = (Declaration){ name, (uint8_t)kind, offset };
    scope->count++;
    if (scope->index) {
        if (scope->count * 2 > scope->index_capacity)
            return index_rebuild(arena, scope);
        index_insert(scope, scope->count - 1);
    } else if (scope->count > SCOPE_LINEAR_LIMIT) {
        return index_rebuild(arena, scope);
    }
    return true;
}

const char *scope_kind_name(int kind)
{
    static const char *const names[] = { "script", "module", "function", "block", "catch", "class" };
    return kind >= 0 && kind < (int)(sizeof names / sizeof *names) ? names[kind] : "?";
}

const char *decl_kind_name(int kind)
{
    static const char *const names[] = {
        "var", "let", "const", "using", "class", "function", "function", "function",
        "param", "catch", "catch", "import",
    };
    return kind >= 0 && kind < (int)(sizeof names / sizeof *names) ? names[kind] : "?";
}
