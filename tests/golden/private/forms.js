// Private names in every expression form.
class Base {
  greet() { return 'base greet'; }
}
class A extends Base {
  #x = 1;
  #y;
  static #count = 0;
  #m(a, b) { return [this === self, a, b]; }
  get #g() { return this.#x * 10; }
  set #g(v) { this.#x = v; }
  #sup() { return super.greet(); }
  static #sm() { return 'static ' + A.#count; }
  constructor() { super(); A.#count++; }

  run() {
    const self = this;
    globalThis.self = this;   // #m checks its this against it
    const out = [];
    out.push(this.#x, this.#y);
    this.#x += 5; out.push(this.#x);
    this.#x -= 1; out.push(this.#x);
    this.#x *= 2; out.push(this.#x);
    this.#x **= 2; out.push(this.#x);
    out.push(this.#x++, this.#x, ++this.#x, this.#x--, --this.#x);
    this.#y ??= 'filled'; out.push(this.#y);
    this.#y ??= 'not again'; out.push(this.#y);
    this.#y &&= 'and'; out.push(this.#y);
    this.#y = 0;
    this.#y ||= 'or'; out.push(this.#y);
    out.push(this.#m(1, 2));
    out.push(this.#m.call(7, 3, 4)[0]);
    out.push(this.#g);
    this.#g = 3; out.push(this.#x, this.#g);
    this.#g += 1; out.push(this.#x);
    this.#g++; out.push(this.#x);
    out.push(this.#sup());
    out.push(A.#sm(), A.#count);
    [this.#x, this.#y] = [100, 200]; out.push(this.#x, this.#y);
    ({ a: this.#x, b: this.#g = 9 } = { a: 5 }); out.push(this.#x);
    [...this.#y] = [1, 2]; out.push(this.#y);
    for (this.#y of ['iter']) ;
    out.push(this.#y);
    for (this.#y in { key: 1 }) ;
    out.push(this.#y);
    const maybe = null;
    out.push(maybe?.#x, this?.#x, maybe?.#m(), this?.#m(1)[1]);
    out.push(#x in this, #m in this, #g in this, #x in {}, #sm in A, #sm in this);
    out.push(typeof this.#m, this.#m.name, Object.getOwnPropertyDescriptor(A.prototype, 'run') !== undefined);
    const arrow = () => this.#x;
    out.push(arrow());
    out.push(`${this.#x}`);
    out.push(delete this.x);
    return out;
  }
}
console.log(new A().run());
