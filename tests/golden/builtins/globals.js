// The global object's value properties and functions
console.log(typeof globalThis, globalThis.globalThis === globalThis, NaN, Infinity, undefined, typeof globalThis.undefined);
const d = Object.getOwnPropertyDescriptor(globalThis, 'NaN');
console.log(d.writable, d.enumerable, d.configurable);
NaN = 1; Infinity = 2; undefined = 3;
console.log(NaN, Infinity, undefined);
console.log(typeof parseInt, typeof parseFloat, typeof isNaN, typeof isFinite, parseInt === Number.parseInt);
console.log(Object.getOwnPropertyDescriptor(globalThis, 'Math').enumerable, typeof Math, typeof JSON, typeof console.log);
console.log(['Object', 'Function', 'Array', 'String', 'Number', 'Boolean', 'Symbol'].map((n) => typeof globalThis[n]).join());
