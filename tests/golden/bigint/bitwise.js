// Bitwise operators and shifts follow the infinite two's complement.
const values = [0n, 1n, -1n, 5n, -5n, 2n ** 64n - 1n, -(2n ** 64n), 0x1234_5678_9abc_def0n, -(2n ** 31n)];
for (const a of values) {
  const row = [];
  for (const b of values) row.push(a & b, a | b, a ^ b);
  console.log(String(a), ~a, row.join(' '));
}
for (const a of [1n, -1n, 255n, -255n, 2n ** 70n + 3n, -(2n ** 70n) - 3n]) {
  console.log(a << 3n, a << 40n, a >> 3n, a >> 40n, a >> 1000n, a << -2n, a >> -2n);
}
console.log(BigInt.asIntN(8, 255n), BigInt.asIntN(8, 128n), BigInt.asIntN(8, -129n), BigInt.asIntN(0, 5n));
console.log(BigInt.asUintN(8, -1n), BigInt.asUintN(64, -1n), BigInt.asUintN(1, 3n), BigInt.asIntN(64, 2n ** 63n));
console.log(BigInt.asIntN(65, -(2n ** 64n)), BigInt.asUintN(100, -(2n ** 70n)));
