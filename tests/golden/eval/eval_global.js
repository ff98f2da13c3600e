// Indirect and direct eval (ES2025 19.2.1)
var geval = eval;
console.log(eval("1 + 2"));
var r = geval("var evalVar = 5; let evalLet = 3; evalLet + evalVar");
console.log(r, globalThis.evalVar, typeof evalLet);
console.log(Object.getOwnPropertyDescriptor(globalThis, "evalVar").configurable, delete globalThis.evalVar, typeof evalVar);
console.log((0, eval)("this") === globalThis);
console.log(geval("typeof evalLet"));
console.log(geval("'use strict'; var strictVar = 1; strictVar"), typeof strictVar);
geval("function hoisted() { return 7 }");
console.log(hoisted(), eval(5), eval());
try { eval("let"); } catch (e) { console.log(e.name); }
try { eval("a b"); } catch (e) { console.log(e.name); }
geval("let outerLet = 1;");
try { geval("var outerLet;"); } catch (e) { console.log(e.name); }
console.log(eval("if (true) { 'yes' } else { 'no' }"));
function f() { return eval("typeof x; this === globalThis"); }
console.log(f());
function g() { "use strict"; return eval("var y = 3; y") + typeof y; }
console.log(g());
var o = { m() { return eval("this"); } };
console.log(o.m() === o);
function h() { eval("var local = 1; local++"); return typeof globalThis["loc" + "al"]; }
console.log(h());
