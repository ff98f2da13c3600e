// Private name errors carry node's messages.
function attempt(label, f) {
  try { console.log(label, f()); } catch (e) { console.log(label, e.constructor.name + ': ' + e.message); }
}
class A {
  #x = 1;
  #m() { return 1; }
  get #g() { return 1; }
  set #s(v) {}
  static #sf = 1;
  static #sm() {}
  static check(o) {
    attempt('read field', () => o.#x);
    attempt('write field', () => { o.#x = 2; });
    attempt('compound field', () => { o.#x += 2; });
    attempt('update field', () => o.#x++);
    attempt('call method', () => o.#m());
    attempt('read accessor', () => o.#g);
    attempt('in', () => #x in o);
    attempt('static field', () => o.#sf);
    attempt('static method', () => o.#sm());
  }
  static writes(o) {
    attempt('write method', () => { o.#m = 1; });
    attempt('read setter-only', () => o.#s);
    attempt('write getter-only', () => { o.#g = 1; });
    attempt('update getter-only', () => o.#g++);
    attempt('write static method', () => { A.#sm = 1; });
  }
}
A.check({});
A.check(1);
A.check('str');
A.check(null);
A.check(undefined);
A.writes(new A());
const Anonymous = class { #m() {} static t(o) { return o.#m(); } };
attempt('anonymous', () => Anonymous.t({}));

// Adding the same private element twice (a base constructor returning an existing object).
class ReturnsArgument { constructor(o) { return o; } }
class Field extends ReturnsArgument { #f = 'f'; static has(o) { return #f in o; } }
class Method extends ReturnsArgument { #pm() {} }
const target = {};
new Field(target);
attempt('field twice', () => new Field(target));
new Method(target);
attempt('method twice', () => new Method(target));
attempt('brand', () => Field.has(target));
console.log(target, Object.keys(target), JSON.stringify(target));
