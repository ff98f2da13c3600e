// console.log of objects: keys, nesting depth 2, line breaking at 80 columns
console.log({}, { a: 1 }, { a: 1, b: 'two', c: [1, 2, { d: 3 }], e: { f: { g: { h: 1 } } } });
console.log({ aaaaaaaaaaaa: 1111111111, bbbbbbbbbbbbbbb: 2222222222, ccccccccccccc: 3333333333, dddddddd: 4444444 });
console.log({ x: undefined, y: null, 'a-b': -0, 'with space': 1, _ok: 2, $no: 3, 1: 'one', [Symbol('s')]: Symbol() });
console.log(Object.create(null), Object.assign(Object.create(null), { a: 1 }));
class Foo { constructor() { this.x = 1; } }
class Empty {}
console.log(new Foo(), [new Foo()], new Empty(), { inner: new Empty() });
console.log({ get a() { return 1; }, set b(v) {}, get c() { return 1; }, set c(v) {} });
console.log({ s: 'line1\nline2 is quite long here and goes on and on and on to exceed the limit.....' });
console.log({ level1: { level2: { level3: { level4: 'deep' } } }, arr: [[[['deep']]]] });
console.log({ a: { b: 1 }, c: { d: { e: 1 } }, f: 'x'.repeat(50) });
console.log({ tagged: { [Symbol.toStringTag]: 'Tag' } }, { __proto__: { inherited: 1 }, own: 2 });
console.log(new Number(3), new String('ab'), new Boolean(false), Object(Symbol('w')));
const nested = { name: 'o', list: [1, 2, 3], child: { name: 'c', list: ['a', 'b'] } };
console.log(nested);
console.log({ k1: 'value number one', k2: 'value number two', k3: 'value number three', k4: 4 });
