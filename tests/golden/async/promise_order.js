console.log('start');
Promise.resolve(1).then(v => console.log('then', v));
async function f(x) { console.log('f start', x); const y = await x; console.log('f after', y); return y + 1; }
f(5).then(v => console.log('f result', v));
async function g() { throw new Error('boom'); }
g().catch(e => console.log('caught', e.message));
(async () => { try { await Promise.reject(3); } catch (e) { console.log('c', e); } })();
new Promise(r => r(Promise.resolve(7))).then(v => console.log('nested', v));
Promise.all([1, Promise.resolve(2), 3]).then(v => console.log('all', v));
Promise.allSettled([1, Promise.reject(2)]).then(v => console.log('settled', JSON.stringify(v)));
Promise.any([Promise.reject(1), Promise.reject(2)]).catch(e => console.log('any', e.constructor.name, e.errors));
Promise.race([new Promise(()=>{}), Promise.resolve('r')]).then(v => console.log('race', v));
Promise.resolve(1).finally(() => console.log('fin')).then(v => console.log('after fin', v));
console.log('end');
