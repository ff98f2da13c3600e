// yield* over an array from private generator methods: the delegate calls
// the iterator record's next method, got once (ES2025 15.5.5).
class C {
  static *#all(list) { const result = yield* list; return result; }
  *#pairs(a, b) { yield* a; yield* b.map(x => x * 2); }
  static all(list) { return C.#all(list); }
  pairs(a, b) { return [...this.#pairs(a, b)]; }
}
console.log([...C.all([1, 2, 3])], new C().pairs([1], [2, 3]));
const it = C.all(['x']);
console.log(it.next(), it.next(), it.next());
let gets = 0;
const counted = { [Symbol.iterator]() { let n = 0; return { get next() { gets++; return () => ({ done: n >= 3, value: n++ }); } }; } };
console.log([...C.all(counted)], gets);
