// The Date constructor and Date.now / Date.UTC (run with TZ=UTC).
console.log(typeof Date, Date.length, Date.name, Date.prototype.constructor === Date);
console.log(Object.getOwnPropertyNames(Date).join());
console.log(Object.prototype.toString.call(Date.prototype), typeof Date.prototype.getTime);
var now = Date.now();
console.log(typeof now, now > 1.7e12, Number.isInteger(now));
var d = new Date();
console.log(Math.abs(d.getTime() - now) < 5000, Number.isInteger(d.getTime()));
console.log(typeof Date(), typeof Date(0), Date(0) === Date(), Date().indexOf("GMT") > 0);
// one argument
console.log(new Date(0).getTime(), new Date(1.9).getTime(), new Date(-1.9).getTime(), Object.is(new Date(-0).getTime(), 0));
console.log(new Date(8.64e15).getTime(), new Date(8.64e15 + 1).getTime(), new Date(-8.64e15).getTime(), new Date(-8.64e15 - 1).getTime());
console.log(new Date(NaN).getTime(), new Date(Infinity).getTime(), new Date(undefined).getTime(), new Date(null).getTime());
console.log(new Date(true).getTime(), new Date("1970-01-01T00:00:01Z").getTime(), new Date("junk").getTime());
console.log(new Date(new Date(1234)).getTime(), new Date({ valueOf() { return 42; } }).getTime());
console.log(new Date({ toString() { return "1970-01-01T00:00:02Z"; }, valueOf: undefined }).getTime());
console.log(new Date({ [Symbol.toPrimitive](hint) { console.log("hint", hint); return 7; } }).getTime());
var wrapped = new Date(5);
wrapped.valueOf = function () { return 99; };
console.log(new Date(wrapped).getTime());
// two or more arguments: local time (UTC here), MakeFullYear for 0-99
console.log(new Date(2020, 0).getTime(), new Date(2020, 11, 31, 23, 59, 59, 999).getTime());
console.log(new Date(99, 0).getFullYear(), new Date(100, 0).getFullYear(), new Date(0, 0).getFullYear(), new Date(-1, 0).getFullYear());
console.log(new Date(99.9, 0).getFullYear(), new Date(2020, 12).getMonth(), new Date(2020, -1).getFullYear());
console.log(new Date(2020, 0, 0).getDate(), new Date(2020, 1, 30).getDate(), new Date(2020, 0, 1, 25).getDate());
console.log(new Date(2020, NaN).getTime(), new Date(2020, 0, 1, Infinity).getTime(), new Date(275760, 8, 13).getTime(),
            new Date(275760, 8, 13, 0, 0, 0, 1).getTime());
var order = [];
function arg(n, v) { return { valueOf() { order.push(n); return v; } }; }
new Date(arg("y", 2020), arg("m", 1), arg("d", 2), arg("h", 3), arg("min", 4), arg("s", 5), arg("ms", 6));
console.log(order.join());
// Date.UTC
console.log(Date.UTC(), Date.UTC(2020), Date.UTC(2020, 1), Date.UTC(2020, 1, 29, 12, 30, 15, 500));
console.log(Date.UTC(0), Date.UTC(99), Date.UTC(100), Date.UTC(-1), Date.UTC(-271821, 3, 20), Date.UTC(-271821, 3, 19, 23, 59, 59, 999));
console.log(Date.UTC(1970, 0, 1, 0, 0, 0, 0.9), Date.UTC(1970, 0, 1, 0, 0, 0, -0.9), Date.UTC(2020, 1e20), Date.UTC(1e20));
// subclassing and new.target
class MyDate extends Date { get twice() { return this.getTime() * 2; } }
var m = new MyDate(21);
console.log(m.twice, m instanceof Date, m instanceof MyDate, Object.prototype.toString.call(m));
var Bound = Date.bind(null, 2020, 1);
console.log(new Bound(3).getTime(), new Bound() instanceof Date);
// Date.prototype is not a Date
try { Date.prototype.getTime(); } catch (e) { console.log(e.name, e.message); }
try { Date.prototype.getTime.call({}); } catch (e) { console.log(e.name, e.message); }
try { Date.prototype.setTime.call(1, 0); } catch (e) { console.log(e.name, e.message); }
