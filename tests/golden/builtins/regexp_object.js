// The RegExp constructor, flags, source, toString, species, compile
const r = /ab+c/gimsyd;
console.log(r.flags, r.global, r.ignoreCase, r.multiline, r.dotAll, r.sticky, r.hasIndices, r.unicode, r.unicodeSets);
console.log(/x/v.flags, /x/v.unicodeSets, /x/u.unicode);
console.log(new RegExp("a/b").source, String(new RegExp("a/b", "g")), new RegExp("").toString(), String(new RegExp("\n")));
console.log(new RegExp("[/]").source, new RegExp("\\/").source, RegExp.prototype.source, RegExp.prototype.flags);
console.log(String(RegExp.prototype), RegExp.prototype.global, Object.prototype.toString.call(/x/));
const copy = new RegExp(r);
console.log(copy !== r, copy.source, copy.flags, String(new RegExp(r, "i")));
console.log(RegExp(r) === r, RegExp(r, "g") === r, RegExp("x", "g").flags, typeof RegExp);
const fake = { [Symbol.match]: true, source: "fa+ke", flags: "i", constructor: RegExp };
console.log(RegExp(fake) === fake, String(new RegExp(fake)));
console.log(Object.getOwnPropertyDescriptor(r, "lastIndex"), Object.keys(r), r.lastIndex);
console.log(RegExp.length, RegExp.name, RegExp[Symbol.species] === RegExp, RegExp.prototype.exec.name);
console.log(Object.getOwnPropertyDescriptor(RegExp.prototype, "flags").get.name);
const c = /a/g;
c.lastIndex = 3;
c.compile("b+", "i");
console.log(String(c), c.lastIndex, c.exec("aBBb")[0]);
class Sub extends RegExp {}
const sub = new Sub("x", "g");
console.log(sub instanceof Sub, sub instanceof RegExp, sub.test("axb"), sub.lastIndex, String(sub));
for (const s of ["", "a", "[\\]]", "a|b"]) console.log(JSON.stringify(String(new RegExp(s))));
console.log(/[/]/.source, /\//.source);
