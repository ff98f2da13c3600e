// Expected output written by hand from the Explicit Resource Management spec text:
// node 20 has no using declarations.
const log = [];
function r(n) { return { [Symbol.dispose]() { log.push("d" + n); } }; }
{
  using outer = r("outer");

  log.push("after switch");
  try { throw 1; } catch (e) { using c = r("c"); log.push("catch"); }
  log.push("after catch");
  class K { static { using s = r("static"); log.push("static block"); } }
}
console.log(log.join(","));
