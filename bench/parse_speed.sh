#!/usr/bin/env bash
# Parsing speed: `nodus --check` beside `node --check` on the same files, in
# one hyperfine run each, so the machine's noise hits both alike.
#
#   bench/parse_speed.sh [NODUS]      (default ./nodus; needs hyperfine, node, npm)
#
# Files: the largest file of ../shared/bench (octane/earley-boyer.js) and two
# real-world bundles fetched from the npm registry into a temporary folder:
# typescript 5.6.3's lib/typescript.js (a CommonJS script) and three 0.170.0's
# build/three.module.min.js (a minified ES module). MB/s is the file's size
# over the mean wall time of the whole command, start-up included; the
# start-up of each command alone (an empty file) is measured too, so that
# the parsing part can be told apart. Results go to docs/PARSING_SPEED.md by hand.
set -euo pipefail
nodus=${1:-./nodus}
shared=${SHARED:-../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent typescript@5.6.3 three@0.170.0 > /dev/null &&
 for f in *.tgz; do tar xzf "$f" --one-top-level="${f%.tgz}"; done)
: > "$work/empty.js"

files=(
    "$shared/bench/octane/earley-boyer.js"
    "$work/typescript-5.6.3/package/lib/typescript.js"
    "$work/three-0.170.0/package/build/three.module.min.js"
    "$work/empty.js"
)
node_cmd="env -u NODE_EXTRA_CA_CERTS node"

for file in "${files[@]}"; do
    size=$(stat -c %s "$file")
    module=
    case "$file" in *.module.min.js) module=--module ;; esac
    # node decides the goal itself (it detects module syntax); nodus is told
    hyperfine -N --warmup 3 --runs 15 --export-json "$work/result.json" \
        "$nodus --check $module $file" "$node_cmd --check $file" > /dev/null
    python3 - "$work/result.json" "$file" "$size" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
name, size = sys.argv[2].rsplit("/", 1)[-1], int(sys.argv[3])
for r in results:
    engine = "nodus" if "nodus" in r["command"] else "node"
    mean = r["mean"]
    speed = f"{size / mean / 1e6:7.1f} MB/s" if size else "      -"
    print(f"{name:28} {size / 1e6:6.2f} MB  {engine:5}  {mean * 1000:8.1f} ms ± {r['stddev'] * 1000:5.1f}  {speed}")
ratio = results[1]["mean"] / results[0]["mean"]
print(f"{'':28} node / nodus time ratio: {ratio:.2f}")
PY
done
