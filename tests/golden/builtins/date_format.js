// The string forms (run with TZ=UTC): toString and its parts, toUTCString,
// toISOString, toJSON, the en-US locale forms, @@toPrimitive, Annex B.
var times = [0, -1, 1234567890123, 951782400000, -62198755200000, -62167219200000, -62135596800000, -1e14,
             8.64e15, -8.64e15, 253402300799999, 253402300800000, Date.UTC(12345, 0), Date.UTC(2020, 0, 1, 12),
             Date.UTC(2020, 0, 1, 0, 5, 7), Date.UTC(2020, 9, 10, 23, 59)];
for (var t of times) {
  var d = new Date(t);
  console.log(d.toString(), "|", d.toDateString(), "|", d.toTimeString());
  console.log(d.toUTCString(), "|", d.toGMTString(), "|", d.toISOString(), "|", d.toJSON());
  console.log(d.toLocaleString(), "|", d.toLocaleDateString(), "|", d.toLocaleTimeString());
}
var bad = new Date(NaN);
console.log(bad.toString(), bad.toDateString(), bad.toTimeString(), bad.toUTCString(), bad.toLocaleString(),
            bad.toLocaleDateString(), bad.toLocaleTimeString(), bad.toJSON(), String(bad));
try { bad.toISOString(); } catch (e) { console.log(e.name, e.message); }
console.log(Date.prototype.toGMTString === Date.prototype.toUTCString);
console.log(JSON.stringify({ a: new Date(0), b: [new Date(NaN)] }));
console.log(Date.prototype.toJSON.call({ toISOString() { return "iso"; } }), Date.prototype.toJSON.call({ valueOf() { return Infinity; }, toISOString() { return "x"; } }));
try { Date.prototype.toJSON.call({}); } catch (e) { console.log(e.name); }
// @@toPrimitive
var d0 = new Date(0);
var tp = Date.prototype[Symbol.toPrimitive];
console.log(typeof tp, tp.name, tp.length, JSON.stringify(Object.getOwnPropertyDescriptor(Date.prototype, Symbol.toPrimitive).writable));
console.log(d0 + 1, d0 - 1, `${d0}`, d0 * 1, d0 == d0.toString(), d0 < 1, +d0);
console.log(tp.call(d0, "number"), tp.call(d0, "string"), tp.call(d0, "default"));
try { tp.call(d0, "x"); } catch (e) { console.log(e.name, e.message); }
try { tp.call(d0); } catch (e) { console.log(e.name, e.message); }
try { tp.call(1, "number"); } catch (e) { console.log(e.name, e.message); }
console.log(tp.call({ toString() { return "s"; }, valueOf() { return 1; } }, "default"));
// console.log / util.inspect
console.log(d0, [d0, bad], { d0 });
class Sub extends Date {}
var sub = new Sub(0);
sub.x = 1;
console.log(sub, Object.prototype.toString.call(sub));
console.log(Object.getOwnPropertyNames(Date.prototype).length);
