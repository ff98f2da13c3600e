/*
 * The parser's public interface: source text in, AST (or one SyntaxError) out.
 */
#ifndef NODUS_PARSER_PARSER_H
#define NODUS_PARSER_PARSER_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "lexer/arena.h"
#include "parser/ast.h"

typedef struct ParseOptions {
    bool is_module;           /* parse with the Module goal (always strict) */
    bool is_strict;           /* start Script code in strict mode */
    bool is_commonjs;         /* a CommonJS module: the Script is the body of node's
                                 module wrapper function, so return and new.target
                                 are allowed at its top level */
    bool allow_new_target;    /* eval code called inside a function (ES2025 19.2.1.1 step 10) */
} ParseOptions;

/* The first syntax error found. Parsing stops at it, as node does. */
typedef struct ParseError {
    uint32_t offset;          /* byte offset the caret points at */
    uint32_t line;            /* 1-based */
    uint32_t col;             /* 0-based, UTF-16 code units */
    uint32_t length;          /* bytes of source text to underline; 0 at the end of input */
    bool no_caret_line;       /* V8 prints no caret line at all for this error */
    const char *name;         /* "SyntaxError", or "RangeError" when nesting is too deep
                                 or memory runs out */
    char message[256];        /* "Unexpected token '}'" */
} ParseError;

/*
 * Parses a whole Script or Module. src must be valid UTF-8 (see
 * source_decode_utf8). Returns the PROGRAM node, allocated in arena, or NULL
 * with *error filled in. Out of memory and nesting too deep are reported as
 * errors too (RangeError-worthy conditions have messages that say so).
 */
Node *parse_program(Arena *arena, const char *src, uint32_t len, const ParseOptions *options, ParseError *error);

/* Prints an error as node does:
 *   file:line
 *   <the source line>
 *       ^^^
 *   <blank line>
 *   SyntaxError: message
 */
void syntax_error_print(FILE *out, const char *filename, const char *src, uint32_t len, const ParseError *error);

#endif
