// String.prototype methods with regular expressions
console.log("a1b22c333".match(/\d+/g), "abc".match(/x/g), "abc".match(/(b)(c)/));
console.log([..."a1b2c3".matchAll(/(?<l>[a-z])(\d)/g)].map(m => `${m[0]}:${m.groups.l}@${m.index}`));
console.log([..."aaa".matchAll(/a*?/g)].map(m => m.index));
console.log("John Smith".replace(/(\w+)\s(\w+)/, "$2, $1"));
console.log("aaa".replace(/a/g, "$&$&"), "abc".replace(/b/, "[$`|$'|$$|$0|$9]"));
console.log("2024-05-06".replace(/(?<y>\d+)-(?<m>\d+)-(?<d>\d+)/, "$<d>/$<m>/$<y> $<none>."));
console.log("abc".replace(/(b)/, "$01$10$2"), "abcdefghijkl".replace(/(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)/, "$11-$10-$1"));
console.log("x-y-z".replace(/-/g, (m, off, str) => `(${off}/${str.length})`));
console.log("a-b".replace(/(?<left>\w)-(?<right>\w)/, (...args) => JSON.stringify(args)));
console.log("aaa".replace(/a*/g, "X"), "abc".replace(/(?:)/g, "-"), "".replace(/^/, "start"));
console.log("Hello".replaceAll(/l/g, "L"), "a.b.c".replaceAll(".", "!"));
console.log("one  two three".split(/\s+/), "a1b2c".split(/(\d)/), "abc".split(/(?:)/));
console.log("a,b,c".split(/,/, 2), "".split(/x/), "".split(/(?:)/), "test".split(/(?=s)/));
console.log("\ud83d\ude00x".split(/(?:)/u).length, "\ud83d\ude00x".split(/(?:)/).length);
console.log("find the needle".search(/needle/), "abc".search(/z/), "aXbX".search(/x/i));
const r = /b/g;
r.lastIndex = 2;
console.log("abcb".search(r), r.lastIndex);
// @@split uses the species constructor and sticky matching
class MyRegExp extends RegExp {
  static get [Symbol.species]() { console.log("species used"); return RegExp; }
}
console.log("a-b".split(new MyRegExp("-")));
// a custom exec is called by the Symbol methods
const custom = /./g;
let calls = 0;
custom.exec = function (s) { calls++; return RegExp.prototype.exec.call(this, s); };
console.log("abc".replace(custom, "_"), calls);
// Symbol.match = false makes a RegExp a plain string for startsWith
const notRegExp = /a/;
notRegExp[Symbol.match] = false;
console.log("/a/b".startsWith(notRegExp));
console.log("xAy".replace(/a/i, "[$&]"), "price: 10 USD".replace(/(\d+) (USD)/, "$2 $1"));
