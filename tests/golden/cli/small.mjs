import def, { x as y } from "./dep.mjs";
export default class extends def { static #p = y?.z ?? 1; }
