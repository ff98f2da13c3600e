#!/usr/bin/env bash
# The test262 gates: runs the test262 runner over the suite and compares the
# failures with the expectations file of the mode. A failure not listed
# there (a regression) fails the gate; so does a crash or a timeout.
#   parse mode (the default): language, built-ins and annexB are parsed;
#       tests/test262/expectations.txt
#   run mode (TEST262_MODE=run, tests/run_test262_exec.sh): test/language is
#       executed; tests/test262/expectations-run.txt
#
# Usage: tests/run_test262.sh [runner options and paths...]
#   With no arguments: the default selection (language, built-ins, annexB).
#   Arguments go to the runner, e.g. `tests/run_test262.sh language/literals`.
# Environment:
#   NODUS_TEST262   the runner binary (default ./tools/test262/test262)
#   NODUS_SRCDIR    the source tree (default: the folder above this script)
#   TEST262_DIR     the test262 checkout (default: ../shared/test262 beside
#                   the source tree)
#   TEST262_JOBS    worker processes (default: the runner's, all CPUs)
#   TEST262_PATHS   the selection when no paths are given, space-separated
#                   (CI's sanitizer build runs a fixed sample this way)
#   TEST262_MODE    parse (default) or run
#   TEST262_FLAGS   more runner options, e.g. --gc-stress
# Exit status: the runner's (0 no regressions, 1 regressions, 2 setup
# error), or 77 (automake's "skipped") when the suite is not there.
set -u

srcdir=$(cd "${NODUS_SRCDIR:-$(dirname "$0")/..}" && pwd)
runner=${NODUS_TEST262:-$PWD/tools/test262/test262}
suite=${TEST262_DIR:-}
[ -n "$suite" ] || suite=$srcdir/../shared/test262
commit_file=$srcdir/tests/test262/UPSTREAM_COMMIT

if [ ! -d "$suite/test" ] || [ ! -d "$suite/harness" ]; then
    commit=$(cut -d' ' -f1 "$commit_file" 2>/dev/null)
    cat <<EOF
SKIP: test262 not found at $suite
To run the test262 gate, get the suite at the commit the expectations were
made with and point TEST262_DIR at it:
    git clone https://github.com/tc39/test262 && git -C test262 checkout ${commit:-<commit in tests/test262/UPSTREAM_COMMIT>}
    make check TEST262_DIR=\$PWD/test262
EOF
    exit 77
fi

if [ ! -x "$runner" ]; then
    echo "run_test262.sh: no runner at $runner (build first, or set NODUS_TEST262)" >&2
    exit 99
fi

# Say so when the suite is not the commit the expectations were made with:
# the gate still runs, but differences may come from the suite itself.
if [ -f "$suite/UPSTREAM_COMMIT" ] && [ -f "$commit_file" ]; then
    want=$(cut -d' ' -f1 "$commit_file")
    have=$(cut -d' ' -f1 "$suite/UPSTREAM_COMMIT")
    [ "$want" = "$have" ] || echo "note: test262 at $suite is $have; the expectations were made with $want"
fi

jobs=()
[ -n "${TEST262_JOBS:-}" ] && jobs=(--jobs "$TEST262_JOBS")

paths=("$@")
if [ $# = 0 ] && [ -n "${TEST262_PATHS:-}" ]; then
    read -r -a paths <<< "$TEST262_PATHS"
fi

mode=${TEST262_MODE:-parse}
expectations=$srcdir/tests/test262/expectations.txt
if [ "$mode" = run ]; then
    expectations=$srcdir/tests/test262/expectations-run.txt
    [ ${#paths[@]} = 0 ] && paths=(language)
fi
flags=()
[ -n "${TEST262_FLAGS:-}" ] && read -r -a flags <<< "$TEST262_FLAGS"

exec "$runner" --mode "$mode" --dir "$suite" --expectations "$expectations" \
    ${flags[@]+"${flags[@]}"} ${jobs[@]+"${jobs[@]}"} ${paths[@]+"${paths[@]}"}
