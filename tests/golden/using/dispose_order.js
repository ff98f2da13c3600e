// Expected output written by hand from the Explicit Resource Management spec text
// (DisposeResources, AddDisposableResource): node 20 has no using declarations.
const log = [];
function r(name, fail) { return { [Symbol.dispose]() { log.push("dispose " + name); if (fail) throw new Error(name); } }; }
{
  using a = r("a"), b = r("b");
  using c = null;
  log.push("body");
}
console.log(log.join(","));
log.length = 0;
function f() { using x = r("x"); return "ret"; }
console.log(f(), log.join(","));
log.length = 0;
try { using y = r("y", true); using z = r("z", true); throw new Error("body"); } catch (e) {
  console.log(e instanceof SuppressedError, e.error.message, e.suppressed instanceof SuppressedError, e.suppressed.error.message, e.suppressed.suppressed.message);
}
for (let i = 0; i < 2; i++) { using q = r("q" + i); if (i == 0) continue; break; }
console.log(log.join(","));
try { using w = 1; } catch (e) { console.log(e.constructor.name, e.message); }
try { using w = {}; } catch (e) { console.log(e.constructor.name, e.message); }
const s = new SuppressedError(1, 2, "m");
console.log(s.error, s.suppressed, s.message, SuppressedError.length, Object.getPrototypeOf(SuppressedError) === Error);
log.length = 0;
for (using it of [r("i1"), null, r("i3")]) log.push("iter");
console.log(log.join(","));
log.length = 0;
for (using a = r("fa"), b = r("fb"); log.length < 2; ) log.push("loop");
console.log(log.join(","));
log.length = 0;
function* g() { using gr = r("gen"); yield 1; yield 2; }
const it = g(); it.next(); it.return(7);
console.log(log.join(","));
try { using ro = null; ro = 1; } catch (e) { console.log(e.constructor.name); }
label: { using lb = r("lb"); log.length = 0; break label; }
console.log(log.join(","));
