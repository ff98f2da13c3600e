// console.log of primitives: strings bare at the top level, quoted inside
console.log('plain string', 42, -0, 0, 1.5, -1e-7, 1e21, NaN, -Infinity, true, false, null, undefined);
console.log(['str', "it's", 'say "hi"', `both ' and "`, 'tab\there', 'new\nline', '\u0001', 'ünï', '😀']);
console.log([-0, 0, 0.1, 2 ** 53], Symbol('sym'), Symbol(), [Symbol.iterator], { s: Symbol('x') });
console.log('');
console.log();
console.log('a', 'b', 1, 'c');
