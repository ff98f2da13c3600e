// Private fields on exotic and built-in objects stay invisible to every key enumeration.
class Identity { constructor(o) { return o; } }
class Stamp extends Identity { #s = 1; static has(o) { return #s in o && o.#s === 1; } }
const list = [function f() {}, () => 1, [1], new String('ab'), new Error('e'), new Date(0), /re/g, Object.create(null), (function () { return arguments; })(1), Math, class K {}, new Number(1), Symbol.prototype, Object.prototype];
for (const o of list) {
  new Stamp(o);
  console.log(Stamp.has(o), Object.getOwnPropertySymbols(o).length, Object.getOwnPropertyNames(o).filter(k => k.includes('#')).length);
}
console.log(list[3], list[2], list[4].message, JSON.stringify(list[7]));
