// Generates tests/unit/test_string_tables.h: expected results of
// Number::toString (radix 10 and others) and StringToNumber, as node prints
// them. Run from the repository root:
//   node tests/unit/gen_string_tables.js > tests/unit/test_string_tables.h
'use strict';

// A deterministic generator (xorshift64*), so the table is reproducible.
let state = 0x9E3779B97F4A7C15n;
function nextBits() {
    state ^= state >> 12n; state ^= (state << 25n) & 0xFFFFFFFFFFFFFFFFn; state ^= state >> 27n;
    return (state * 0x2545F4914F6CDD1Dn) & 0xFFFFFFFFFFFFFFFFn;
}
const view = new DataView(new ArrayBuffer(8));
function randomDouble() {   // any finite double, uniform over bit patterns
    for (;;) {
        view.setBigUint64(0, nextBits());
        const d = view.getFloat64(0);
        if (Number.isFinite(d)) return d;
    }
}
function randomUnit() { return Number(nextBits() >> 11n) / 2 ** 53; }

// A C expression for the double d (exact: shortest forms round-trip).
function cDouble(d) {
    if (Number.isNaN(d)) return 'NAN';
    if (d === Infinity) return 'INFINITY';
    if (d === -Infinity) return '-INFINITY';
    if (Object.is(d, -0)) return '-0.0';
    const s = String(d);
    return /[.e]/.test(s) ? s : s + '.0';
}
function cString(s) {
    let out = '"';
    for (const ch of Buffer.from(s, 'utf8')) {
        if (ch === 0x22 || ch === 0x5C) out += '\\' + String.fromCharCode(ch);
        else if (ch >= 0x20 && ch < 0x7F) out += String.fromCharCode(ch);
        else out += '\\' + ch.toString(8).padStart(3, '0');
    }
    return out + '"';
}

// ---- Number::toString(x) ----
const decimals = new Set([
    0, 1, -1, 0.1, 0.2, 0.3, 0.1 + 0.2, 1 / 3, 2 / 3, 100, 123.456, -123.456, 1e21, 1e-7, 1.5e-7,
    123456789012345680000, 999999999999999900000, 1e20, 1e22, 0.000001, 0.0000012345, 1.2345e-7,
    5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308, 4.35, 0.5,
    9007199254740991, 9007199254740992, 9007199254740993, 2 ** 63, 2 ** 64, 1.1, 2.675, 1e300,
    3.141592653589793, 2.718281828459045, 1e100, 1.7e-10, 4.9406564584124654e-324, 1e-323,
    0.30000000000000004, 123e-20, 12345678901234567890, 1e-6, 1e-5, 9.999999999999999e22,
]);
for (let e = -1074; e <= 1023; e += 7) decimals.add(2 ** e);
// Powers of two whose shortest form lies on the far side (the doubles below
// a power of two are twice as dense): 2^-1017, 2^-1007, ...
for (const e of [-1017, -1007, -957, -921, -808]) decimals.add(2 ** e);
for (let e = -1022; e <= 1023; e += 31) decimals.add(2 ** e * (1 + 2 ** -52));
for (let e = -323; e <= 308; e += 3) decimals.add(Number('1e' + e));
for (let i = 0; i < 400; i++) decimals.add(randomDouble());
for (let i = 0; i < 200; i++) decimals.add(Math.round(randomUnit() * 1e6) / 1e3);
for (let i = 0; i < 100; i++) decimals.add(randomUnit() * 10 ** (Math.floor(randomUnit() * 40) - 20));

// ---- Number::toString(x, radix) ----
const radixCases = [];
const radixValues = [
    0.5, 255.5, 1e21, 123.456, -0, 0, -255, 1 / 3, 0.1, 2 ** 53, 2 ** 53 + 2, 2 ** 60, 1e300,
    5e-324, 1e-7, 3.14159, -3.75, 1e21 + 12345, 4294967295, 0.000001, 1.7976931348623157e308,
    NaN, Infinity, -Infinity, 35, 36, 1295, 0.999999, 12345.6789,
];
for (const v of radixValues) for (const r of [2, 3, 8, 16, 36]) radixCases.push([v, r]);
for (let r = 2; r <= 36; r++) radixCases.push([123.456, r], [-1e21, r], [0.1, r], [2 ** 31 - 1, r]);
for (let i = 0; i < 150; i++) {
    const r = 2 + Math.floor(randomUnit() * 35);
    const v = i % 3 === 0 ? randomDouble() : (randomUnit() - 0.5) * 10 ** (Math.floor(randomUnit() * 30) - 10);
    radixCases.push([v, r]);
}

// ---- StringToNumber ----
const numberInputs = [
    '', '  ', ' 0x1F ', '0x1f', '0X1F', '-0x1F', '+0x1F', '0x', '0xg', '0o17', '0O17', '0o8', '0b101',
    '0B101', '0b2', '1e1000', '-1e1000', '1e-1000', '-0', '+0', '0', '.5', '5.', '.', '+.5', '-.5e1',
    '1_000', '+Infinity', '-Infinity', 'Infinity', 'infinity', 'INFINITY', ' Infinity ', 'Infinityx',
    'NaN', 'nan', 'inf', '1e', '1e+', '1e-', '1e+5', '1E5', '1e05', '00012', '0012.50', '1.2.3', '--1',
    '+-1', '12abc', 'abc', '\t\n\v\f\r 42 \u00A0\uFEFF', '\u3000 7 \u2028', '\u1680\u2000\u200A1.5\u202F\u205F\u2029',
    '\u180E1', '1\u180E', '\u200B1', ' 1 2 ', '0.1', '0.30000000000000004', '123456789012345678901234567890',
    '9007199254740993', '9007199254740992.5', '1.7976931348623157e308', '1.7976931348623158e308',
    '1.7976931348623159e308', '4.9406564584124654e-324', '2.4703282292062328e-324', '2.4703282292062327e-324',
    '0x' + 'f'.repeat(20), '0x1fffffffffffff', '0x20000000000001', '0x20000000000003', '0x20000000000001000000001',
    '0b' + '1'.repeat(60), '0b1' + '0'.repeat(52) + '1', '0b1' + '0'.repeat(52) + '1' + '0'.repeat(40) + '1',
    '0o' + '7'.repeat(30), '0o1' + '0'.repeat(17) + '1', '0o0', '0b0', '0x0', '0x00000001',
    '1' + '0'.repeat(400), '0.' + '0'.repeat(400) + '1', '-' + '9'.repeat(30) + 'e-20', '١', '１',
    '0x1F\u00A0', '\u00A0', '1e1e1', 'e5', '+e5', '0.e1', '.e1', '5.e-1', ' -.0 ', '0x-1', '0b-1',
];

const out = [];
out.push('/* Generated by tests/unit/gen_string_tables.js with node ' + process.version + ': do not edit. */');
out.push('', 'static const struct { double value; const char *expected; } number_format_table[] = {');
for (const v of decimals) for (const d of [v, -v]) out.push(`    {${cDouble(d)}, "${String(d)}"},`);
out.push('};', '', 'static const struct { double value; int radix; const char *expected; } radix_table[] = {');
for (const [v, r] of radixCases) out.push(`    {${cDouble(v)}, ${r}, "${v.toString(r)}"},`);
out.push('};', '', 'static const struct { const char *input; double expected; } string_to_number_table[] = {');
for (const s of numberInputs) out.push(`    {${cString(s)}, ${cDouble(Number(s))}},`);
out.push('};');
console.log(out.join('\n'));
