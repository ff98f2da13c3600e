// CreateDynamicFunction (ES2025 20.2.1.1.1)
var add = Function("a", "b", "return a + b");
console.log(add(2, 3), add.name, add.length);
console.log(add.toString());
console.log(new Function().toString());
console.log(Function("return typeof anonymous")());
console.log(Function("a, b", "c", "return a + b + c")(1, 2, 3));
console.log(Function("'use strict'; return this")());
var GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
var g = GeneratorFunction("a", "yield a; yield a * 2");
console.log([...g(4)], Object.getPrototypeOf(g) === GeneratorFunction.prototype);
console.log(g.toString());
for (const [p, b] of [["a){", "}"], ["/*", "*/){"], ["", "}, function() {"], ["a", "super()"]]) {
  try { Function(p, b); console.log("no error"); } catch (e) { console.log(e.name); }
}
class MyFunction extends Function {}
var mf = new MyFunction("return 1");
console.log(mf(), mf instanceof MyFunction);
var order = [];
try {
  Function({ toString() { order.push("p"); return "a"; } }, { toString() { order.push("b"); return "}"; } });
} catch (e) { console.log(e.name, order.join()); }
