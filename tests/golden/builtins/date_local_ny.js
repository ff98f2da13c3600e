// Local time in America/New_York (date_local_ny.env sets TZ): offsets,
// daylight saving transitions, the spec's disambiguation of UTC(t).
function show(d) {
  console.log(d.getTime(), d.toString(), d.getTimezoneOffset(), d.getHours(), d.getMinutes());
}
show(new Date(0));
show(new Date(2020, 0, 15, 12));
show(new Date(2020, 6, 15, 12));
// spring forward: 2020-03-08 02:00 EST -> 03:00 EDT; 02:30 is skipped
show(new Date(2020, 2, 8, 1, 59));
show(new Date(2020, 2, 8, 2, 0));
show(new Date(2020, 2, 8, 2, 30));
show(new Date(2020, 2, 8, 3, 0));
// fall back: 2020-11-01 02:00 EDT -> 01:00 EST; 01:30 happens twice
show(new Date(2020, 10, 1, 0, 59));
show(new Date(2020, 10, 1, 1, 30));
show(new Date(2020, 10, 1, 2, 0));
show(new Date(Date.UTC(2020, 10, 1, 5, 30)));
show(new Date(Date.UTC(2020, 10, 1, 6, 30)));
// date-time strings without offset are local; date-only strings are UTC
console.log(Date.parse("2020-07-01T00:00"), Date.parse("2020-07-01"), Date.parse("Jul 1 2020"));
console.log(Date.parse("Wed Jul 01 2020 00:00:00 GMT-0400 (Eastern Daylight Time)"));
// setters work in local time
var d = new Date(2020, 2, 7, 2, 30);
d.setDate(8);
show(d);
d.setHours(12);
show(d);
d.setUTCHours(12);
show(d);
d.setMonth(10, 1);
show(d);
d.setFullYear(1990);
show(d);
console.log(d.toDateString(), '|', d.toTimeString(), '|', d.toLocaleString());
console.log(new Date(2020, 0, 1).toLocaleDateString(), new Date(2020, 0, 1, 23, 5).toLocaleTimeString());
console.log(new Date(1e12).toString(), new Date(1e12).getTimezoneOffset());
console.log(new Date(1960, 5, 1).toString());
console.log(new Date(2100, 5, 1).toString());
console.log(new Date(8.64e15).toString());
console.log(new Date(-1e12).getYear(), new Date(0).getYear());
