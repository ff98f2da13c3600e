// A strict function's arguments.callee is an accessor that throws
// (%ThrowTypeError%, one per realm, frozen); a sloppy one's is the function.
function strict() {
  'use strict';
  const d = Object.getOwnPropertyDescriptor(arguments, 'callee');
  console.log(typeof d.get, d.get === d.set, d.enumerable, d.configurable);
  console.log(d.get.name === '', d.get.length, Object.isFrozen(d.get), Object.getPrototypeOf(d.get) === Function.prototype);
  try { arguments.callee; } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
  try { arguments.callee = 1; } catch (e) { console.log(e.constructor.name); }
  return d.get;
}
function strict2() { 'use strict'; return Object.getOwnPropertyDescriptor(arguments, 'callee').get; }
function sloppy() { return arguments.callee === sloppy; }
console.log(strict(1, 2) === strict2(), sloppy());
