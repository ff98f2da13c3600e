function f(a, b) {
  let c = 3;
  const d = 4;
  console.log(eval("a + b + c + d"));
  eval("c = 10");
  console.log(c);
  try { eval("d = 1"); } catch (e) { console.log(e.name, e.message); }
  console.log(eval("arguments.length"), eval("typeof arguments"));
  var inner = function () { return eval("a * 2"); };
  console.log(inner());
  console.log(eval("(() => a + 100)()"));
  console.log(eval("eval('b + 1')"));
}
f(1, 2);
function g() { try { eval("x; let x = 1"); } catch (e) { console.log(e.name); } try { eval("y"); } catch (e) { console.log(e.name); } let y = 2; }
g();
function h() { return new.target === undefined ? eval("new.target") : 0; }
console.log(h());
function K() { this.v = eval("new.target === K"); }
console.log(new K().v);
{ let blockLet = 5; console.log(eval("blockLet + 1")); }
try { { let q = 1; eval("var q = 2"); } } catch (e) { console.log(e.name, e.message); }
var arrow = (x) => eval("x + 1");
console.log(arrow(1));
function tdz() { return eval("typeof later"); let later; }
try { tdz() } catch (e) { console.log(e.name) }
for (let i = 0; i < 2; i++) console.log(eval("i"));
function closures() { var fs = []; for (let i = 0; i < 3; i++) fs.push(() => eval("i")); return fs.map(f => f()); }
console.log(closures());
