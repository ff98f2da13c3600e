#!/usr/bin/env bash
# Golden tests of the nodus command line: tests/golden/<feature>/NAME.args
# holds the arguments of one run, one per line; beside it
#   NAME.stdin    what standard input gives (default: nothing)
#   NAME.stdout   the expected standard output (default: empty)
#   NAME.stderr   the expected standard error (default: empty)
#   NAME.status   the expected exit status (default: 0)
#   NAME.node     a marker: the expected output is node 20's for the same
#                 arguments (regenerate with --regen-node)
#   NAME.env      environment variables of the run, VAR=value one per line
#                 (e.g. TZ=UTC), for nodus and node alike
# A difference from the expected output is a failure: there is no way to
# mark one as known and count it as passed.
# Each run happens in the test's own folder, so arguments name the input
# files there. The folder's absolute path is written <dir> in the expected
# output, since node prints absolute paths and file: URLs.
#
# Usage: tests/run_golden.sh [--update | --regen-node] [NAME-FILTER]
#   (no option)    run the tests; prints "N passed, N failed"
#   --update       rewrite the expected files of failing tests without a
#                  .node marker from what nodus prints now (check the diff!)
#   --regen-node   rewrite the expected files of the .node tests from node
# Environment: NODUS (the binary, default ./nodus), NODUS_SRCDIR (the source
# tree, default the folder above this script), NODUS_FLAGS (options put
# before every test's own, e.g. --gc-stress: the outputs must not change).
set -u

srcdir=$(cd "${NODUS_SRCDIR:-$(dirname "$0")/..}" && pwd)
nodus=${NODUS:-$PWD/nodus}
mode=run
case "${1:-}" in
    --update) mode=update; shift ;;
    --regen-node) mode=regen-node; shift ;;
esac
filter=${1:-}

if [ "$mode" != regen-node ]; then
    if [ ! -x "$nodus" ]; then
        echo "run_golden.sh: no nodus binary at $nodus (build first, or set NODUS)" >&2
        exit 99
    fi
    # the tests run in their own folders: make the path absolute
    nodus=$(cd "$(dirname "$nodus")" && pwd)/$(basename "$nodus")
fi

# Node's output minus what nodus does not print: the stack trace of an
# uncaught error and the "Node.js v20..." trailer; "node:" becomes "nodus:".
filter_node_stderr() {
    awk '
        /^    at / { next }
        /^Node\.js v[0-9]/ { if (blank) blank = 0; next }
        /^$/ { if (blank) print ""; blank = 1; next }
        { if (blank) print ""; blank = 0; sub(/^node: /, "nodus: "); print }
        END { }
    '
}

# Runs one program with a test's arguments from the test's folder;
# writes out/err/status files under $2.
run_one() {
    local program=$1 outprefix=$2 args_file=$3 stdin_file=$4
    local -a args=() vars=()
    local line
    if [ "$program" = "$nodus" ] && [ -n "${NODUS_FLAGS:-}" ]; then
        read -r -a args <<< "$NODUS_FLAGS"
    fi
    while IFS= read -r line || [ -n "$line" ]; do
        args+=("$line")
    done < "$args_file"
    if [ -f "${args_file%.args}.env" ]; then
        while IFS= read -r line || [ -n "$line" ]; do
            [ -n "$line" ] && vars+=("$line")
        done < "${args_file%.args}.env"
    fi
    env ${vars[@]+"${vars[@]}"} "$program" ${args[@]+"${args[@]}"} < "$stdin_file" > "$outprefix.out" 2> "$outprefix.err"
    echo $? > "$outprefix.status"
}

passed=0
failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nodus-golden.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

while IFS= read -r args_file; do
    dir=$(cd "$(dirname "$args_file")" && pwd -P)
    name=$(basename "$args_file" .args)
    feature=$(basename "$dir")
    base=$dir/$name
    id=$feature/$name
    case "$id" in *"$filter"*) ;; *) continue ;; esac
    stdin_file=/dev/null
    [ -f "$base.stdin" ] && stdin_file=$base.stdin

    if [ "$mode" = regen-node ]; then
        [ -f "$base.node" ] || continue
        (cd "$dir" && run_one node "$tmp/node" "$args_file" "$stdin_file")
        filter_node_stderr < "$tmp/node.err" | sed "s|$dir|<dir>|g" > "$base.stderr"
        sed "s|$dir|<dir>|g" "$tmp/node.out" > "$base.stdout"
        cp "$tmp/node.status" "$base.status"
        for f in stdout stderr; do [ -s "$base.$f" ] || rm -f "$base.$f"; done
        [ "$(cat "$base.status")" = 0 ] && rm -f "$base.status"
        echo "regenerated $id from node"
        continue
    fi

    (cd "$dir" && run_one "$nodus" "$tmp/actual" "$args_file" "$stdin_file")
    sed "s|$dir|<dir>|g" "$tmp/actual.out" > "$tmp/actual.stdout"
    sed "s|$dir|<dir>|g" "$tmp/actual.err" > "$tmp/actual.stderr"
    ok=1
    verbose=$mode
    for f in stdout stderr; do
        expected=/dev/null
        [ -f "$base.$f" ] && expected=$base.$f
        if ! cmp -s "$expected" "$tmp/actual.$f"; then
            ok=0
            [ "$verbose" = run ] && { echo "--- $id: $f differs (expected, actual):"; diff "$expected" "$tmp/actual.$f" | head -40; }
        fi
    done
    expected_status=0
    [ -f "$base.status" ] && expected_status=$(cat "$base.status")
    actual_status=$(cat "$tmp/actual.status")
    if [ "$expected_status" != "$actual_status" ]; then
        ok=0
        [ "$verbose" = run ] && echo "--- $id: exit status $actual_status, expected $expected_status"
    fi

    if [ $ok = 1 ]; then
        passed=$((passed + 1))
        [ "$mode" = run ] && echo "PASS $id"
    elif [ "$mode" = update ] && [ ! -f "$base.node" ]; then
        for f in stdout stderr; do
            if [ -s "$tmp/actual.$f" ]; then cp "$tmp/actual.$f" "$base.$f"; else rm -f "$base.$f"; fi
        done
        if [ "$actual_status" = 0 ]; then rm -f "$base.status"; else echo "$actual_status" > "$base.status"; fi
        echo "updated $id"
    else
        failed=$((failed + 1))
        echo "FAIL $id"
    fi
done < <(find "$srcdir/tests/golden" -name '*.args' | LC_ALL=C sort)

[ "$mode" = regen-node ] && exit 0
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
