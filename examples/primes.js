// A small program that nodus runs today: classes, closures, generators,
// destructuring, spread, template literals, Map-free data crunching and
// console.log formatting. Try: nodus examples/primes.js
"use strict";

class Sieve {
  constructor(limit) {
    this.limit = limit;
    this.composite = new Array(limit + 1).fill(false);
  }

  *primes() {
    for (let n = 2; n <= this.limit; n++) {
      if (this.composite[n]) continue;
      for (let k = n * n; k <= this.limit; k += n) this.composite[k] = true;
      yield n;
    }
  }
}

const primes = [...new Sieve(100).primes()];
console.log(`${primes.length} primes below 100:`, primes.slice(0, 10), "...");

const twins = primes
  .map((p, i) => [p, primes[i + 1]])
  .filter(([a, b]) => b - a === 2)
  .map(([a, b]) => `${a}/${b}`);
console.log("twin primes:", twins.join(" "));

const counter = (() => {
  let count = 0;
  return { next: () => ++count, get value() { return count; } };
})();
primes.forEach(() => counter.next());
console.log({ counted: counter.value, largest: Math.max(...primes), sum: primes.reduce((a, b) => a + b, 0) });

try {
  null.length;
} catch (error) {
  console.log(`${error.name}: ${error.message}`);
}
