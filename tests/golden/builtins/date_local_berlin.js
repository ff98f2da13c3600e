// Local time in Europe/Berlin (date_local_berlin.env sets TZ).
var dates = [new Date(0), new Date(2021, 2, 28, 1, 59), new Date(2021, 2, 28, 2, 30), new Date(2021, 2, 28, 3, 0),
             new Date(2021, 9, 31, 2, 30), new Date(2021, 9, 31, 3, 0), new Date(2021, 6, 1)];
for (var d of dates)
  console.log(d.getTime(), String(d), d.getTimezoneOffset(), d.toLocaleString());
console.log(Date.parse("Thu Jan 01 1970 01:00:00 GMT+0100 (Central European Standard Time)"));
console.log(Date.parse("1970-01-01T01:00:00"), Date.parse("1970-01-01T01:00:00Z"));
console.log(new Date(1970, 0, 1, 1).getTime(), Date.UTC(1970, 0, 1, 1));
var s = new Date(2021, 6, 1, 12, 34, 56);
console.log(Date.parse(s.toString()) === s.getTime(), Date.parse(s.toUTCString()) === s.getTime(),
            Date.parse(s.toISOString()) === s.getTime());
