import * as importer from "./tdz.mjs";
import { late, constant, Klass, hoisted } from "./tdz.mjs";
for (const read of [() => late, () => constant, () => Klass, () => importer.late]) {
  try {
    read();
  } catch (e) {
    console.log(e.constructor.name + ": " + e.message);
  }
}
console.log(hoisted(), "late" in importer, "nothing" in importer);
try {
  Object.getOwnPropertyDescriptor(importer, "late");
} catch (e) {
  console.log("getOwnPropertyDescriptor:", e.constructor.name);
}
export const early = "early";
