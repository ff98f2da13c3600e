// console.log of functions and classes
function f() {}
class A {}
class B extends A {}
console.log(f, A, B, () => {}, function () {}, async function g() {}, function* h() {}, async () => {});
console.log([f, A], { method() {}, arrow: () => 1, cls: class {} });
const withProp = function named() {};
withProp.prop = 1;
console.log(withProp, f.bind(null), Math.max, Object, Symbol);
console.log(class extends Array {});
