// Expected output written by hand from the Explicit Resource Management spec text
// (DisposeResources needsAwait/hasAwaited): node 20 has no await using.
const log = [];
function r(name, fail) { return { async [Symbol.asyncDispose]() { log.push("adispose " + name); if (fail) throw new Error(name); } }; }
function s(name) { return { [Symbol.dispose]() { log.push("sdispose " + name); } }; }
async function main() {
  {
    await using a = r("a"), b = s("b"), c = null;
    using d = s("d");
    log.push("body");
  }
  console.log(log.join(","));
  log.length = 0;
  try { await using x = r("x", true), y = r("y", true); throw new Error("body"); } catch (e) {
    console.log(e instanceof SuppressedError, e.error.message, e.suppressed.error.message, e.suppressed.suppressed.message);
  }
  for (await using z of [r("z1"), null, s("z3")]) log.push("it");
  console.log(log.join(","));
  try { await using w = 5; } catch (e) { console.log(e.constructor.name); }
  let p = Promise.resolve().then(() => log.push("tick"));
  log.length = 0;
  { await using n = null; log.push("block"); }
  log.push("after");
  await p;
  console.log(log.join(","));
}
main().then(() => console.log("done"), e => console.log("err", e));
