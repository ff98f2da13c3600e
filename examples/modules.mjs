// modules.mjs: an ES module (the .mjs extension selects the Module goal):
// imports, exports, top-level await, import.meta, regular expressions with
// named groups and the v flag, labelled loops, optional chaining, private
// fields and generator methods.
import { readFile } from "node:fs/promises";
import * as path from "node:path";

export const VERSION_PATTERN = /^v(?<major>\d+)\.(?<minor>\d+)\.(?<patch>\d+)$/;
export const IDENTIFIER = /^[\p{ID_Start}--[\d]][\p{ID_Continue}]*$/v;

export function parseVersion(text) {
  const { major, minor, patch } = text.match(VERSION_PATTERN)?.groups ?? {};
  return major === undefined ? null : [major, minor, patch].map(Number);
}

export default class Inventory {
  #items = new Map();

  add(name, count = 1) {
    this.#items.set(name, (this.#items.get(name) ?? 0) + count);
    return this;
  }

  *[Symbol.iterator]() {
    yield* [...this.#items].sort(([a], [b]) => a.localeCompare(b));
  }
}

const here = path.dirname(new URL(import.meta.url).pathname);
const source = await readFile(path.join(here, "modules.mjs"), "utf8");

const inventory = new Inventory();
lines: for (const line of source.split("\n")) {
  for (const word of line.split(/\W+/)) {
    if (word === "") continue;
    if (line.trimStart().startsWith("//")) continue lines;
    if (IDENTIFIER.test(word)) inventory.add(word);
  }
}

let shown = 0;
for (const [word, count] of inventory) {
  if (count > 5 && shown++ < 5) console.log(word.padEnd(10), count);
}
console.log(parseVersion("v20.11.1"), parseVersion("nope"));
