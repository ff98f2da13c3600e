#!/bin/sh
# Builds the stdlib smoke run with ASan and runs it normally and under GC
# stress; both outputs must be equal (the first lines are C-only checks).
set -e
cd "$(dirname "$0")/../.."
gcc -g -std=gnu11 -Wall -Wno-comment -fsanitize=address,undefined -I. -o /tmp/nodus-stdlib-smoke \
    tools/stdlib_smoke/main.c tools/stdlib_smoke/stubs.c stdlib/es/*.c vm/*.c gc/*.c lexer/utf8.c -lm
/tmp/nodus-stdlib-smoke > /tmp/nodus-stdlib-smoke.out
/tmp/nodus-stdlib-smoke stress > /tmp/nodus-stdlib-smoke.stress
cmp /tmp/nodus-stdlib-smoke.out /tmp/nodus-stdlib-smoke.stress && echo "smoke: same output with and without GC stress"
