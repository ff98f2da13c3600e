/*
 * --dump-tokens: the lexer's view of a source text, one token a line:
 *   3:7  IDENTIFIER  foo
 *   1:0  NUMBER  42
 *   2:4  STRING  "a\n"
 * For debugging the lexer and for golden tests.
 */
#ifndef NODUS_LEXER_TOKEN_DUMP_H
#define NODUS_LEXER_TOKEN_DUMP_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Prints every token of src, ending with EOF or with the first ERROR. */
void token_dump(FILE *out, const char *src, uint32_t len, bool is_module);

#endif
