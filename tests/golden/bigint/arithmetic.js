// BigInt arithmetic, printed as node prints it.
const big = 2n ** 100n;
console.log(big, String(big), big.toString(16), big.toString(36));
console.log(big * big - 1n, (big * big) / 12345678901234567n, (big * big) % 12345678901234567n);
console.log(-7n / 2n, -7n % 2n, 7n / -2n, 7n % -2n, 0n / 5n, -0n);
console.log(3n ** 40n, (-3n) ** 3n, 0n ** 0n, 1n ** 1000000n, (-1n) ** 1000001n);
console.log(123456789012345678901234567890n * -987654321098765432109876543210n);

// increments, compound assignment, template literals, concatenation
let n = 9007199254740991n;
n++; n++; ++n;
let m = 5n; m -= 7n; m *= 3n; m **= 3n;
console.log(n, m, `${n} and ${m}`, 'x' + 1n, 1n + 'x');

// literals in every radix, with separators
console.log(0xFFFF_FFFF_FFFF_FFFFn, 0o777n, 0b1010_1010n, 1_000_000n, 0n);

// errors
for (const f of [() => 1n / 0n, () => 1n % 0n, () => 1n + 1, () => 2 * 1n, () => +1n,
                 () => 1n >>> 1n, () => Math.max(1n), () => 1n < Symbol()]) {
  try { f(); console.log('no error'); } catch (e) { console.log(e.name + ': ' + e.message); }
}
