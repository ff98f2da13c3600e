// console.log format specifiers
console.log('%s is %d years and %i, %f', 'Bob', 42.5, 42.5, '3.25', 'extra', { a: 1 });
console.log('%o %O %j %%', [1], { a: { b: { c: {} } } }, { a: [1] });
console.log('%s %s %s %s', null, undefined, 12n === undefined ? 0 : 1, { toString() { return 'custom'; } });
console.log('%s', { a: { b: 1 } }, '%s', [1, [2]]);
console.log('%d %i %f', '42', '42.9px', 'abc');
console.log('100%', 'done', '%s');
console.log('%s and %s', 'only one');
console.log('%c styled %s', 'color: red', 'text');
console.log('%j', (() => { const o = {}; o.o = o; return o; })());
console.log('%%s %s', 'x');
console.log(5, '%s', 'not a format');
