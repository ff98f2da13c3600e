// A cycle in which a module reads its importer's bindings before the
// importer has run: let/const/class are uninitialized (ReferenceError),
// functions are already there.
import { early } from "./lib_tdz.mjs";
export let late = "initialized";
export const constant = 1;
export class Klass {}
export function hoisted() {
  return "hoisted works";
}
console.log(early, late);
