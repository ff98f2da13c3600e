function m() { eval("var q = 1"); return q; }
console.log(m(), typeof q);
function p(a) { eval("var a = 5"); return a; }
console.log(p(1));
function d() { eval("var z = 1"); var r = delete z; return [r, typeof z]; }
console.log(d());
function fdecl() { eval("function inner() { return 'inner' }"); return inner(); }
console.log(fdecl());
function nested() { eval("var n1 = 1"); return (function () { return n1 + 1; })(); }
console.log(nested());
function twice() { eval("var t = 1"); eval("t++"); return eval("t"); }
console.log(twice());
function assign() { eval("var w"); w = 7; return eval("w"); }
console.log(assign(), typeof w);
var shadow = "global";
function sh() { eval("var shadow = 'local'"); return shadow; }
console.log(sh(), shadow);
function loop() { for (var i = 0; i < 3; i++) eval("var acc = (typeof acc === 'number' ? acc : 0) + i"); return acc; }
console.log(loop());
