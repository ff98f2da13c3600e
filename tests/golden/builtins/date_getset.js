// Getters and setters (run with TZ=UTC): argument order, NaN handling, limits.
var getters = ["getFullYear", "getMonth", "getDate", "getDay", "getHours", "getMinutes", "getSeconds",
  "getMilliseconds", "getUTCFullYear", "getUTCMonth", "getUTCDate", "getUTCDay", "getUTCHours",
  "getUTCMinutes", "getUTCSeconds", "getUTCMilliseconds", "getTime", "valueOf", "getTimezoneOffset", "getYear"];
function all(t) {
  var d = new Date(t);
  console.log(t, getters.map(function (g) { return d[g](); }).join(" "));
}
[0, -1, 1, 86399999, 86400000, 951782400000, 951868800000, 1234567890123, -62198755200000, -62167219200000,
 -62135596800000, 8.64e15, -8.64e15, 253402300799999, 253402300800000, -1e14, NaN].forEach(all);
console.log(getters.map(function (g) { return Date.prototype[g].length; }).join());
var setters = ["setMilliseconds", "setSeconds", "setMinutes", "setHours", "setDate", "setMonth", "setFullYear",
  "setUTCMilliseconds", "setUTCSeconds", "setUTCMinutes", "setUTCHours", "setUTCDate", "setUTCMonth",
  "setUTCFullYear", "setTime", "setYear"];
console.log(setters.map(function (s) { return s + ":" + Date.prototype[s].length; }).join());
var base = Date.UTC(2020, 5, 15, 10, 20, 30, 400);
function run(name, args) {
  var d = new Date(base);
  var r = d[name].apply(d, args);
  console.log(name, JSON.stringify(args), r, d.getTime() === r || (r !== r && d.getTime() !== d.getTime()),
              isNaN(r) ? "Invalid Date" : d.toISOString());
}
run("setMilliseconds", [5]); run("setMilliseconds", []); run("setMilliseconds", [1000]);
run("setSeconds", [5]); run("setSeconds", [5, 6]); run("setSeconds", [-1]);
run("setMinutes", [5]); run("setMinutes", [5, 6]); run("setMinutes", [5, 6, 7]);
run("setHours", [5]); run("setHours", [5, 6]); run("setHours", [5, 6, 7]); run("setHours", [5, 6, 7, 8]); run("setHours", [24]);
run("setDate", [1]); run("setDate", [0]); run("setDate", [31]); run("setDate", []);
run("setMonth", [0]); run("setMonth", [1, 29]); run("setMonth", [13]); run("setMonth", [-1]);
run("setFullYear", [2021]); run("setFullYear", [2021, 1]); run("setFullYear", [2021, 1, 3]); run("setFullYear", [50]);
run("setFullYear", [-1]); run("setFullYear", [275760, 8, 13]); run("setFullYear", [275760, 8, 14]);
run("setUTCMilliseconds", [5]); run("setUTCSeconds", [5, 6]); run("setUTCMinutes", [5, 6, 7]);
run("setUTCHours", [5, 6, 7, 8]); run("setUTCDate", [2]); run("setUTCMonth", [1, 2]); run("setUTCFullYear", [1, 2, 3]);
run("setTime", [0]); run("setTime", [8.64e15 + 1]); run("setTime", ["12"]); run("setTime", []); run("setTime", [1.5]);
run("setYear", [99]); run("setYear", [100]); run("setYear", [2000]); run("setYear", [NaN]); run("setYear", [-1]);
run("setHours", [NaN]); run("setMinutes", [1, Infinity]);
// an invalid date stays invalid; setFullYear starts from +0
console.log(new Date(NaN).setHours(1), new Date(NaN).setMinutes(2), new Date(NaN).setDate(1), new Date(NaN).setMonth(1));
console.log(new Date(NaN).setFullYear(2000), new Date(NaN).setUTCFullYear(2000, 1, 2), new Date(NaN).setYear(95));
try { Date.prototype.setHours.call({}, { valueOf() { console.log("converted"); return 1; } }); } catch (e) { console.log(e.message); }
