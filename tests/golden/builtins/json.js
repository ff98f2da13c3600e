// JSON.parse and JSON.stringify
const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.name + ': ' + e.message); } };
console.log(JSON.parse('{"a":[1,2,{"b":null}],"c":"\\u0041\\n","d":true,"e":-1.5e2}'));
console.log(JSON.parse(' [ ] '), JSON.parse('"x"'), JSON.parse('0'), JSON.parse('-0'), JSON.parse('{"__proto__":1}').__proto__, JSON.parse('{"a":1,"a":2}').a);
console.log(JSON.parse('{"a":1,"b":{"c":2}}', (k, v) => typeof v === 'number' ? v * 10 : v));
console.log(JSON.parse('[1,2,3]', (k, v) => v === 2 ? undefined : v), JSON.parse('{"k":1}', function (k, v) { return k === '' ? Object.keys(this) : v; }));
console.log(JSON.stringify({ a: 1, b: [1, 'x', null, undefined, () => {}], c: undefined, d: { e: { toJSON() { return 'date'; } } } }));
console.log(JSON.stringify('he said "hi"\n\u0001\u2028'), JSON.stringify('\uD800'), JSON.stringify(NaN), JSON.stringify(-0), JSON.stringify(undefined), JSON.stringify(() => {}));
console.log(JSON.stringify({ a: [1, { b: 2 }], c: {} }, null, 2));
console.log(JSON.stringify([1, [2, []]], null, '--'), JSON.stringify({ a: 1 }, null, 20), JSON.stringify({ a: 1 }, null, 'abcdefghijklmnop'));
console.log(JSON.stringify({ a: 1, b: 2, c: { a: 3, z: 4 } }, ['a', 'c']), JSON.stringify({ a: 1, b: 'x' }, (k, v) => typeof v === 'number' ? v + 1 : v));
console.log(JSON.stringify({ toJSON(key) { return 'custom:' + key; } }), JSON.stringify({ x: { toJSON(k) { return k; } } }), JSON.stringify(new Number(3)), JSON.stringify([new String('s'), new Boolean(false)]));
console.log(JSON.stringify({ [Symbol('s')]: 1, 2: 'two', 1: 'one' }), JSON.stringify(Object.create({ inherited: 1 })), JSON.stringify([Symbol()]));
for (const s of ['{', '', '[1,]', '{"a":1,}', '{"a" 1}', '[1 2]', '"abc', '"\\x"', '-', '1e', '1.', '01', 'tru', '{"a":1} x', '"\u0001"', 'x'.repeat(50), '[' + '1,'.repeat(30) + ']', '{a:1}', "'a'", '[1,2', '{"a":1'])
  t(() => JSON.parse(s));
t(() => { const a = { x: { y: {} } }; a.x.y.z = a; JSON.stringify(a); });
t(() => { const a = [1]; a.push({ q: a }); JSON.stringify(a); });
t(() => { class K {} const a = new K(); a.self = a; JSON.stringify(a); });
t(() => JSON.stringify(1n));
console.log(Object.prototype.toString.call(JSON), JSON.parse.length, JSON.stringify.length);
