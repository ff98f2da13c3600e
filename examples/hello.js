// hello.js: the smallest program, and a first look at each stage:
//   nodus --dump-tokens examples/hello.js
//   nodus --dump-ast examples/hello.js
const name = process.argv[2] ?? "world";
console.log(`Hello, ${name}!`);
