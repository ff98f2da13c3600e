import { b } from "./lib_cycle_b.mjs";
export function a() {
  return "a sees " + b();
}
console.log("lib_cycle_a evaluated, after lib_cycle_b:", b());
