async function* gen() { console.log('g start'); const x = yield 1; console.log('got', x); yield await Promise.resolve(2); try { yield 3; } finally { console.log('cleanup'); } return 'end'; }
(async () => {
  for await (const v of gen()) { console.log('v', v); if (v === 3) break; }
  const g = gen();
  console.log(await g.next('a'), await g.next('b'), await g.return('r'), await g.next());
  for await (const x of [1, Promise.resolve(2), 3]) console.log('sync', x);
  async function* d() { yield* gen(); yield* [10, 11]; }
  for await (const y of d()) console.log('d', y);
})();
Promise.resolve().then(() => console.log('tick1')).then(() => console.log('tick2')).then(() => console.log('tick3'));
console.log(Object.prototype.toString.call(gen()), Object.getPrototypeOf(gen) === Object.getPrototypeOf(async function*(){}));
