// Where node 20 (V8) departs from ES2025 21.4.4.20-34, so the expected
// output is checked by hand against the spec (no .node marker): every
// present argument is converted before an invalid date returns NaN, and
// [[DateValue]] is read before the arguments are converted.
var order = [];
function arg(n, v) { return { valueOf() { order.push(n); return v; } }; }
var bad = new Date(NaN);
console.log(bad.setHours(arg("h", 1), arg("m", 2), arg("s", 3), arg("ms", 4)), order.join());
order = [];
console.log(bad.setMinutes(arg("m", 2)), bad.setDate(arg("d", 1)), bad.setMonth(arg("mo", 1), arg("d", 2)), order.join());
order = [];
console.log(new Date(NaN).setFullYear(arg("y", 2000)), new Date(NaN).setUTCFullYear(2000, 1, 2), new Date(NaN).setYear(95), order.join());
order = [];
var g = new Date(0);
console.log(g.setHours(arg("h", 1), arg("m", 2)), order.join());
// the time value is read before the arguments are converted
var h = new Date(0);
console.log(h.setMinutes({ valueOf() { h.setTime(NaN); return 1; } }), h.getTime());
var k = new Date(NaN);
console.log(k.setDate({ valueOf() { k.setTime(0); return 1; } }), k.getTime());
try { Date.prototype.setHours.call({}, { valueOf() { console.log("converted"); return 1; } }); } catch (e) { console.log(e.message); }
