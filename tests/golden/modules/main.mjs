// Imports of every form, live bindings, namespaces, default exports,
// re-exports and an import cycle (lib_cycle_a.mjs <-> lib_cycle_b.mjs).
import { counter, increment, Point as P } from "./lib_counter.mjs";
import * as counterNs from "./lib_counter.mjs";
import greet, { "string name" as stringName } from "./lib_defaults.mjs";
import anonymousClass from "./lib_default_class.mjs";
import value from "./lib_default_expr.mjs";
import { ns as reexportedNs, counter as reexportedCounter, square } from "./lib_reexport.mjs";
import { a } from "./lib_cycle_a.mjs";
import "./lib_side_effect.mjs";

console.log("this at top level:", this);
console.log("counter", counter, reexportedCounter);
increment();
increment();
console.log("after increments", counter, counterNs.counter, reexportedCounter);
console.log(new P(1, 2));
console.log(greet("modules"), greet.name, stringName);
console.log(anonymousClass.name, new anonymousClass().kind);
console.log(value, square(7));
console.log(Object.keys(counterNs), counterNs[Symbol.toStringTag]);
console.log(Object.prototype.toString.call(counterNs));
console.log(reexportedNs === counterNs, Object.isExtensible(counterNs), Object.getPrototypeOf(counterNs));
console.log(Object.getOwnPropertyDescriptor(counterNs, "counter"));
console.log(counterNs);
console.log(a());

try {
  counter = 5;
} catch (e) {
  console.log(e.constructor.name, e.message);
}
try {
  counterNs.counter = 5;
} catch (e) {
  console.log(e.constructor.name);
}
console.log(delete counterNs.nothing);
try {
  delete counterNs.counter;
} catch (e) {
  console.log(e.constructor.name);
}
console.log(typeof import.meta, Object.getPrototypeOf(import.meta), import.meta.url.startsWith("file:///"));
console.log(import.meta === import.meta, import.meta.url.endsWith("/main.mjs"));
