// Math: values, -0 and NaN cases
const show = (x) => Object.is(x, -0) ? '-0' : String(x);
const p = (...xs) => console.log(xs.map(show).join(' '));
p(Math.PI, Math.E, Math.LN2, Math.LN10, Math.LOG2E, Math.LOG10E, Math.SQRT2, Math.SQRT1_2);
p(Math.abs(-3), Math.abs(-0), Math.abs('-2'), Math.abs(null), Math.abs(), Math.abs([]), Math.abs([1, 2]));
p(Math.floor(-1.5), Math.ceil(-0.5), Math.ceil(1.2), Math.trunc(-4.7), Math.trunc(-0.2), Math.sign(-3), Math.sign(-0), Math.sign(NaN));
p(Math.round(2.5), Math.round(-2.5), Math.round(-0.4), Math.round(0.49999999999999994), Math.round(-0), Math.round(1e300));
p(Math.max(), Math.min(), Math.max(1, 3, 2), Math.min(1, -3), Math.max(0, -0), Math.min(0, -0), Math.max(1, NaN), Math.max('7', 2));
p(Math.pow(2, 10), Math.pow(NaN, 0), Math.pow(1, Infinity), Math.pow(-8, 1 / 3), 2 ** -1, Math.pow(-0, -1), Math.pow(0, -1));
p(Math.sqrt(16), Math.sqrt(-1), Math.sqrt(-0), Math.cbrt(-27), Math.hypot(3, 4), Math.hypot(), Math.hypot(NaN, Infinity), Math.hypot(-0));
p(Math.exp(0), Math.expm1(0), Math.log(1), Math.log(0), Math.log(-1), Math.log10(1000), Math.log2(8), Math.log1p(0));
p(Math.sin(0), Math.cos(0), Math.tan(0), Math.atan2(0, -0), Math.atan2(-0, 0), Math.atan2(1, 1), Math.asin(2), Math.acos(1));
p(Math.sinh(0), Math.cosh(0), Math.tanh(Infinity), Math.asinh(-0), Math.acosh(1), Math.atanh(0));
p(Math.fround(5.5), Math.fround(5.05), Math.clz32(1), Math.clz32(0), Math.clz32(-1), Math.imul(3, 4), Math.imul(0xffffffff, 5));
const r = Math.random();
p(r >= 0 && r < 1, typeof r, Object.prototype.toString.call(Math), Math.max.length, Math.hypot.length);
let order = [];
Math.max({ valueOf() { order.push('a'); return 1; } }, { valueOf() { order.push('b'); return NaN; } }, { valueOf() { order.push('c'); return 3; } });
p(order.join(''));
