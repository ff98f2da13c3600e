// The BigInt function, its statics and BigInt.prototype.
console.log(BigInt(0), BigInt(-5), BigInt(2 ** 60), BigInt(1e21), BigInt(-0), BigInt(true), BigInt(false));
console.log(BigInt('123'), BigInt(' -42 '), BigInt('0x1f'), BigInt('0o17'), BigInt('0b11'), BigInt(''), BigInt('\n'));
console.log(BigInt({ valueOf() { return 7n; } }), BigInt({ toString() { return '8'; } }), BigInt(Number.MAX_SAFE_INTEGER));
for (const v of [1.5, NaN, Infinity, '1.5', '1e3', '-0x1', 'abc', undefined, null, Symbol('s'), 1n]) {
  try { console.log(BigInt(v)); } catch (e) { console.log(e.name + ': ' + e.message); }
}
try { new BigInt(1); } catch (e) { console.log(e.name + ': ' + e.message); }
console.log(BigInt.length, BigInt.name, BigInt.asIntN.length, BigInt.asUintN.length);
console.log(Object.prototype.toString.call(1n), Object.prototype.toString.call(Object(1n)));
console.log((1234567890123456789n).toLocaleString(), (-1234n).toLocaleString(), (12n).toLocaleString());
console.log((255n).toString(), (255n).toString(2), (-255n).toString(16), (35n).toString(36));
for (const r of [0, 1, 37, 'x']) {
  try { console.log((10n).toString(r)); } catch (e) { console.log(e.name + ': ' + e.message); }
}
try { BigInt.prototype.toString.call(1); } catch (e) { console.log(e.name + ': ' + e.message); }
console.log(BigInt.prototype.valueOf.call(Object(3n)), Object(3n) + 1n, [Object(4n)], Object(4n));
console.log(Number(2n ** 64n), Number(-(2n ** 53n) - 1n), Number(2n ** 1024n), parseInt('12n'), Number(0n));
try { JSON.stringify({ a: 1n }); } catch (e) { console.log(e.name + ': ' + e.message); }
BigInt.prototype.toJSON = function () { return this.toString() + 'n'; };
console.log(JSON.stringify({ a: 1n, b: [2n] }));
const o = { 1n: 'one', [2n ** 64n]: 'big' };
console.log(o, Object.keys(o), o[1n], o['18446744073709551616']);
console.log([1n, -2n, 3n ** 50n], { big: -9n });
