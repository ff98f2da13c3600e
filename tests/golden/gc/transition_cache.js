// Objects built by the same constructor move along one cached shape
// transition (this.b = ... adds "b"). When every such object is garbage, the
// target shape is referenced by the inline cache alone; the collector must
// keep it (a freed shape reused by the cache corrupted memory: awfy/CD).
// Run under --gc-stress too (CI does), where every allocation collects.
function Point(x) {
  this.a = x;
  this.b = x * 2;
  this.c = [x];
}
// Each point dies when make returns (its frame's registers are no roots),
// and no property of it is read (a read's cache would keep its shape): then
// only the caches of Point's three stores reference the shapes.
function make(i) {
  new Point(i);
  return i * 4;
}
let sum = 0;
for (let i = 0; i < 2000; i++) {
  sum += make(i);
  if (i % 100 === 0) {
    // churn: make garbage so that collections run between constructions
    const junk = [];
    for (let j = 0; j < 50; j++) junk.push({ j, s: "x" + j });
  }
}
console.log(sum);
class Pair { constructor(l, r) { this.left = l; this.right = r; } }
let chain = null;
for (let i = 0; i < 500; i++) chain = new Pair(i, i % 7 === 0 ? null : chain);
let n = 0;
for (let c = chain; c; c = c.right) n++;
console.log(n);
