// Private elements are not properties: no enumeration sees them, and
// freezing or preventExtensions does not touch them.
class Point {
  #x; #y;
  static #made = 0;
  static { Point.#made = 100; }
  constructor(x, y) { this.#x = x; this.#y = y; this.visible = true; Point.#made++; }
  #secret() { return 's'; }
  get #len() { return Math.hypot(this.#x, this.#y); }
  move(dx) { this.#x += dx; return this; }
  get length() { return this.#len; }
  static made() { return Point.#made; }
}
const p = new Point(3, 4);
console.log(p, Object.keys(p), Object.getOwnPropertyNames(p), Object.getOwnPropertySymbols(p));
console.log(JSON.stringify(p), { ...p }, Object.assign({}, p), Object.entries(p));
const seen = [];
for (const k in p) seen.push(k);
console.log(seen, p.length);
Object.freeze(p);
console.log(Object.isFrozen(p), p.move(1).length);
console.log(Point.made(), Object.getOwnPropertyNames(Point));

// A field added to a non-extensible object (ES2024 7.3.32 PrivateFieldAdd has no extensibility check).
class Identity { constructor(o) { return o; } }
class Stamp extends Identity {
  #stamp = 'stamped';
  static read(o) { return o.#stamp; }
}
const sealed = Object.seal({ a: 1 });
new Stamp(sealed);
console.log(Stamp.read(sealed), Object.keys(sealed), sealed);
const fn = function named() {};
new Stamp(fn);
const arr = [1, 2];
new Stamp(arr);
console.log(Stamp.read(fn), Stamp.read(arr), arr, Object.getOwnPropertyNames(fn).includes('#stamp'));

// Each evaluation of a class makes new Private Names.
function makeClass() {
  return class { #v = 1; static has(o) { return #v in o; } };
}
const C1 = makeClass(), C2 = makeClass();
console.log(C1.has(new C1()), C1.has(new C2()), C2.has(new C2()));

// Nested classes: an inner #x shadows the outer one.
class Outer {
  #x = 'outer';
  test() {
    const self = this;
    class Inner {
      #x = 'inner';
      read(o) { return o.#x; }
      readOuter() { return self.#y; }
    }
    const i = new Inner();
    let err;
    try { i.read(this); } catch (e) { err = e.message; }
    return [i.read(i), this.#x, i.readOuter(), err];
  }
  #y = 'outer y';
}
console.log(new Outer().test());
