// The objects that hold built-ins (Math, the constructors, the prototypes)
// keep their properties in stable dictionaries that inline caches key on
// (vm/shape.c). Each structural change must be seen by a site that cached
// the layout before it; value writes must be seen too.

function callAbs(x) { return Math.abs(x); }
function readPI() { return Math.PI; }
function readMax() { return Math.max; }
function keysOf(o) { return Object.keys(o).length; }

for (let i = 0; i < 50; i++) callAbs(-i), readPI(), readMax();
console.log(callAbs(-3), readPI());

// a value write: the same layout, a new value
const originalAbs = Math.abs;
Math.abs = function (x) { return 'patched ' + x; };
console.log(callAbs(-3));

// a structural change: the property deleted, then a new one added
delete Math.abs;
try { callAbs(-3); } catch (e) { console.log(e.constructor.name, e.message); }
Math.abs = originalAbs;
console.log(callAbs(-4));

// attributes changed: the cached site still reads the right slot
Object.defineProperty(Math, 'max', { value: 3, writable: false });
console.log(readMax(), readPI());
Math.extra = 1;
console.log(keysOf(Math), Object.getOwnPropertyNames(Math).includes('extra'));

// a prototype holder: a method cached through an array, then shadowed
function first(a) { return a.at(0); }
for (let i = 0; i < 50; i++) first([i]);
Array.prototype.at = function () { return 'own at'; };
console.log(first([1]));
delete Array.prototype.at;
console.log(typeof [].at);

// a constructor holder: statics cached, then the prototype changed
function isArr(x) { return Array.isArray(x); }
for (let i = 0; i < 50; i++) isArr([]);
Object.setPrototypeOf(Array, { isArray() { return 'inherited'; } });
console.log(isArr([]));
delete Array.isArray;
console.log(isArr([]));

// frozen holders
Object.freeze(JSON);
console.log(Object.isFrozen(JSON), typeof JSON.stringify, JSON.stringify({ a: [1] }));
Object.freeze(Math);
console.log(Object.isFrozen(Math), callAbs(-5));
