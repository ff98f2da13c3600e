// console.log of circular structures and errors without stacks
const o = { name: 'o' };
o.self = o;
console.log(o);
const a = [1];
a.push(a);
console.log(a);
const x = { y: { z: {} } };
x.y.z.back = x;
x.y.z.up = x.y;
console.log(x);
const e = new Error('message here');
e.stack = 'Error: message here';
console.log(e, [e]);
const t = new TypeError('bad');
t.stack = 'TypeError: bad';
t.code = 'E_BAD';
console.log(t);
