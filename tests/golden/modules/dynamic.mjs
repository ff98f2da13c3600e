// import(): a promise for the namespace; the same module record as a
// static import; a missing file rejects; top-level await in the root.
import * as staticNs from "./lib_counter.mjs";
const ns = await import("./lib_counter.mjs");
console.log(ns === staticNs, ns.counter);
ns.increment();
console.log(staticNs.counter);
const { default: greet } = await import("./lib_defaults.mjs");
console.log(greet("import()"));
try {
  await import("./lib_missing.mjs");
} catch (e) {
  console.log("rejected with", e.constructor.name);
}
const order = [];
const pending = import("./lib_side_effect.mjs").then(() => order.push("loaded"));
order.push("sync");
await pending;
console.log(order);
