import { a } from "./lib_cycle_a.mjs";
export function b() {
  return "b";
}
// a is a hoisted function of a module that has not run yet: callable
console.log("lib_cycle_b evaluated first; typeof a:", typeof a);
