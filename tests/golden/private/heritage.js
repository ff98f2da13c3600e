// A ClassHeritage sees the private names of the enclosing class, not its own (ES2025 15.7.14 step 8.a).
class Outer {
  #x = 'outer';
  static t(o) {
    let seen;
    class Inner extends (seen = o.#x, Object) { #x = 'inner'; }
    return [seen, new Inner() instanceof Inner];
  }
}
console.log(Outer.t(new Outer()));
class Outer2 {
  #x = 'outer';
  static t(o) {
    class Inner extends (() => { return class { f() { return o.#x } } })() { #x = 'inner'; g() { return this.#x } }
    const i = new Inner();
    return [i.f(), i.g()];
  }
}
console.log(Outer2.t(new Outer2()));
