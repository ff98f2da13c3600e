// Comparisons of BigInts with BigInts, Numbers and Strings.
const pairs = [[1n, 1], [1n, 1.5], [2n ** 53n + 1n, 2 ** 53], [-1n, -0], [0n, -0], [1n, NaN],
               [10n, Infinity], [-10n, -Infinity], [1n, '1'], [1n, '1.0'], [1n, ' 0x1 '], [1n, 'x'],
               [1n, true], [0n, false], [0n, ''], [1n, null], [1n, undefined], [1n, 1n], [2n, 1n],
               [-(2n ** 80n), -1.2e24], [2n ** 1024n, Number.MAX_VALUE]];
for (const [a, b] of pairs) {
  console.log(String(a), typeof b, String(b), a == b, b == a, a === b, a < b, a > b, a <= b, b < a, b >= a);
}
console.log(Object.is(5n, 5n), Object.is(0n, -0n), [1n, 2n, 3n].includes(2n), [1n, 2n].indexOf(2n),
            [1n, 2n].lastIndexOf(1n), [NaN, 0n].includes(0n), 0n ? 'truthy' : 'falsy', !!1n, !0n);
console.log(typeof 1n, typeof Object(1n), Object(1n) == 1n, Object(1n) === 1n);
