// Interleaving of async functions, awaits of thenables and promise
// callbacks: the order must be node's (ES2025 27.7.5.3 Await, no extra ticks).
const log = [];
async function a() { log.push('a1'); await null; log.push('a2'); await new Promise(r => r()); log.push('a3'); }
async function b() { log.push('b1'); await { then(r) { log.push('then'); r(); } }; log.push('b2'); }
async function c() { return Promise.resolve('c'); }
a(); b();
c().then(v => log.push('c:' + v));
Promise.resolve().then(() => log.push('p1')).then(() => log.push('p2')).then(() => log.push('p3')).then(() => log.push('p4'));
queueMicrotaskLike();
function queueMicrotaskLike() { Promise.resolve().then(() => log.push('q')); }
(async () => { try { await Promise.reject(new Error('x')); } catch (e) { log.push('caught ' + e.message); } })();
Promise.reject(1).catch(v => log.push('catch ' + v)).finally(() => log.push('finally'));
Promise.all([a(), b()]).then(() => log.push('all'));
setTimeoutLike();
function setTimeoutLike() { new Promise(r => r(Promise.resolve('nested'))).then(v => log.push(v)); }
Promise.resolve().then(() => Promise.resolve().then(() => Promise.resolve())).then(() => { console.log(log.join(' ')); });
Promise.resolve().then(() => {}).then(() => {}).then(() => {}).then(() => {}).then(() => {}).then(() => {}).then(() => {}).then(() => console.log(log.join(' ')));
