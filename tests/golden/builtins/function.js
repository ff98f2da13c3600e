// Function.prototype: call, apply, bind, toString, Symbol.hasInstance
const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.name + ': ' + e.message); } };
function add(a, b) { return (this && this.base || 0) + a + b; }
console.log(add.call({ base: 10 }, 1, 2), add.apply({ base: 100 }, [3, 4]), add.apply(null), add.call());
console.log(Math.max.apply(null, [1, 5, 3]), Math.max.apply(null, { length: 2, 0: 7, 1: 9 }));
const bound = add.bind({ base: 1000 }, 5);
console.log(bound(6), bound.name, bound.length, add.bind().name, add.bind(null, 1, 2, 3).length);
function Point(x, y) { this.x = x; this.y = y; }
const BoundPoint = Point.bind(null, 1);
const bp = new BoundPoint(2);
console.log(bp.x, bp.y, bp instanceof Point, bp instanceof BoundPoint);
const arrow = (a) => a * 2;
console.log(arrow.bind(null, 21)(), typeof bound, Object.getPrototypeOf(bound) === Function.prototype);
console.log(add.toString());
console.log(String(arrow), String(class A { m() {} }));
console.log(Math.max.toString(), String(bound), String(Object.getOwnPropertyDescriptor(Object.prototype, '__proto__').get));
console.log(Function.prototype[Symbol.hasInstance].call(Point, bp), Object[Symbol.hasInstance]({}));
console.log(add.length, add.name, Function.prototype.length, Function.prototype.name === '');
const len = function (a, b, c) {};
Object.defineProperty(len, 'length', { value: Infinity });
console.log(len.bind(null, 1).length);
t(() => Function.prototype.bind.call(1));
t(() => Function.prototype.toString.call({}));
t(() => Math.max.apply(null, 1));
