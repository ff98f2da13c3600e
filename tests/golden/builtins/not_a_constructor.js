// Only constructors have [[Construct]]: built-in methods, arrows, methods,
// generators and async functions throw "... is not a constructor".
const o = { m() {}, *g() {}, async a() {} };
const tries = [
  () => new Math.abs(1),
  () => new (() => 1)(),
  () => new o.m(),
  () => new o.g(),
  () => new o.a(),
  () => new parseInt('1'),
  () => new Promise.resolve,
  () => new JSON.stringify({}),
  () => new Array.prototype.map(),
];
for (const t of tries) {
  try { t(); console.log('constructed'); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
}
// and constructors still construct
console.log(new Date(0).getTime(), new Array(3).length, new Error('e').message,
            new (function F() { this.x = 1; })().x, new (class C {})() instanceof Object,
            typeof new Function('return 1'), new Boolean(false) instanceof Boolean);
