// Private methods called with the right this; super in private methods; optional chains.
class S { static who() { return 'S.who'; } hi() { return 'S.hi'; } }
class C extends S {
  #m() { return this; }
  static #sm() { return super.who(); }
  get #g() { return super.hi(); }
  #a = this.#m() === this;
  #f = () => this.#a;
  static #sf = C.#sm();
  run() {
    const o = { c: this, n: null };
    return [
      (this.#m)() === this,
      this.#m`tag` === this,
      o?.c.#a,
      o.n?.c.#a,
      o.n?.#a,
      this.#m?.() === this,
      C.#sf,
      this.#g,
      this.#f(),
      #a in this === true,
      (() => { 'use strict'; return this.#m(); })() === this,
      [this].map(x => x.#a),
      typeof this.#m.bind(1),
      this.#m.call(undefined),
    ];
  }
}
console.log(new C().run());
// evaluation order of a private compound assignment
const log = [];
class D {
  #v = 1;
  static t(getObj) {
    getObj().#v += (log.push('rhs'), 1);
    return getObj().#v;
  }
}
var d = new D();
console.log(D.t(() => { log.push('obj'); return d; }), log);
