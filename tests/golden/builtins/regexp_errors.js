// SyntaxError and TypeError messages
const attempts = [
  () => new RegExp("("),
  () => new RegExp("a", "gg"),
  () => new RegExp("a", "uv"),
  () => new RegExp("[z-a]"),
  () => new RegExp("\\p{Nope}", "u"),
  () => new RegExp("a**"),
  () => new RegExp("(?<n>a)(?<n>b)"),
  () => new RegExp("\\k<x>", "u"),
  () => new RegExp("{1}", "u"),
  () => new RegExp("[\\q{a}]", "u"),
  () => new RegExp("(", "g"),
  () => Object.getOwnPropertyDescriptor(RegExp.prototype, "global").get.call({}),
  () => Object.getOwnPropertyDescriptor(RegExp.prototype, "flags").get.call(1),
  () => Object.getOwnPropertyDescriptor(RegExp.prototype, "source").get.call({}),
  () => RegExp.prototype.exec.call({}, "a"),
  () => RegExp.prototype.toString.call(1),
  () => RegExp.prototype[Symbol.match].call(1, "a"),
  () => "a".matchAll(/a/),
  () => "a".replaceAll(/a/, "b"),
  () => RegExp.prototype.compile.call(1),
  () => /a/.compile(/b/, "g"),
  () => /a/[Symbol.split].call({ constructor: 1 }, "a"),
  () => { const it = "aa".matchAll(/a/g); Object.getPrototypeOf(it).next.call({}); },
];
for (const attempt of attempts) {
  try {
    console.log("no error:", String(attempt()));
  } catch (e) {
    console.log(`${e.constructor.name}: ${e.message}`);
  }
}
