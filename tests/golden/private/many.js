// Many instances with private fields, methods and accessors, and class
// factories making new Private Names (exercised under --gc-stress).
function make(tag) {
  return class {
    #value; #log = [];
    static #instances = 0;
    constructor(v) { this.#value = v; this.constructor.count(); }
    static count() { return ++this.#instances; }
    #push(s) { this.#log.push(tag + s); }
    get #doubled() { return this.#value * 2; }
    set #doubled(v) { this.#value = v / 2; }
    step() { this.#doubled += 2; this.#push(this.#value); return this.#log.length; }
    get log() { return this.#log.join(','); }
  };
}
let total = 0;
const kept = [];
for (let round = 0; round < 20; round++) {
  const K = make('k' + round);
  for (let i = 0; i < 10; i++) {
    const o = new K(i);
    o.step(); o.step();
    total += o.log.length;
    if (i === 9) kept.push(o);
  }
}
console.log(total, kept.length, kept[3].log, kept[19].log);
