#!/usr/bin/env bash
# The test262 execution gate: every test of test/language is run by the
# interpreter and the failures are compared with
# tests/test262/expectations-run.txt (see tests/run_test262.sh).
# TEST262_EXEC_PATHS narrows the selection (CI's sanitizer build runs a
# fixed sample under --gc-stress this way).
export TEST262_MODE=run
[ -n "${TEST262_EXEC_PATHS:-}" ] && export TEST262_PATHS=$TEST262_EXEC_PATHS || unset TEST262_PATHS
exec "${BASH:-bash}" "$(dirname "$0")/run_test262.sh" "$@"
