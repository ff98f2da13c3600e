// RegExp.prototype.exec / test: match arrays, lastIndex with g and y, groups, indices
function show(m) {
  if (m === null) return "null";
  return JSON.stringify([...m]) + " index=" + m.index + " groups=" + JSON.stringify(m.groups);
}
console.log(show(/a(b)?c/.exec("xxacx")));
console.log(show(/(\d+)\.(\d+)/.exec("v 10.25 beta")));
console.log(show(/(?<key>\w+)=(?<value>\w*)/.exec("a b=c d")));
console.log(show(/nothing/.exec("here")));

const g = /o/g;
const s = "foo boo";
let m;
while ((m = g.exec(s)) !== null) console.log("g at", m.index, "lastIndex", g.lastIndex);
console.log("after loop", g.lastIndex);

const y = /o/y;
y.lastIndex = 1;
console.log(y.test("foo"), y.lastIndex, y.test("foo"), y.lastIndex, y.test("foo"), y.lastIndex);

const plain = /o/;
plain.lastIndex = 5;
console.log(plain.test("foo"), plain.lastIndex);

const gl = /a/g;
gl.lastIndex = 10;
console.log(gl.exec("aaa"), gl.lastIndex);

// empty matches and the empty check of quantifiers
console.log(show(/(a*)*/.exec("b")), show(/(a*)+/.exec("b")), show(/(?:a|())*?b/.exec("ab")));
console.log(show(/(z)((a+)?(b+)?(c))*/.exec("zaacbbbcac")));
console.log(show(/(a)|b/.exec("b")));
console.log(show(/^(?:(a)|b)+$/.exec("ab")));
console.log(show(/(\w)\1/.exec("abccd")), show(/\1(a)/.exec("aa")));
console.log(show(/(?<x>.)\k<x>/.exec("xyzzy")));
console.log(show(/a{2,3}/.exec("aaaa")), show(/a{2,3}?/.exec("aaaa")), show(/a{,2}/.exec("a{,2}")));
console.log(show(/x*?y/.exec("xxxy")), show(/[^]*?z/.exec("abz")));

// hasIndices
const d = /(?<word>b+)(c)?/d.exec("abbbd");
console.log(JSON.stringify(d.indices), JSON.stringify(d.indices.groups));

// assertions
console.log(/^abc$/.test("abc"), /^b/m.test("a\nb"), /a$/m.test("a\nb"), /a$/.test("a\nb"));
console.log(/\bfoo\b/.test("a foo b"), /\Boo\B/.test("foo"), /\Bfoo/.test("a foo"));
console.log(show(/(?=(\w+))\w/.exec("abc")), show(/(?!a)\w/.exec("abc")));
console.log(show(/(?<=\$)(\d+)/.exec("cost: $42")), show(/(?<!\$)\b\d+/.exec("$42 or 17")));
console.log(show(/(?<=(\d)(\d))x/.exec("12x")), show(/(?<=\1(a))b/.exec("aab")));
console.log(show(/(?<=^|,)\w+/.exec(",ab,cd")), show(/(?<=a(?=b)b)c/.exec("abc")));
console.log(/^.$/.test("\n"), /^.$/s.test("\n"), /^.$/.test("\u2028"), /./.test("\r"));

// a long input does not exhaust the C stack
const big = "ab".repeat(200000) + "c";
console.log(/(a|b)*c/.exec(big)[0].length, /^(?:a|b)*$/.test(big.slice(0, -1)));
console.log(/x+y/.test("x".repeat(100000)));
