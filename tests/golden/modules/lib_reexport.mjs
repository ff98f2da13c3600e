export * as ns from "./lib_counter.mjs";
export { counter } from "./lib_counter.mjs";
export * from "./lib_math.mjs";
