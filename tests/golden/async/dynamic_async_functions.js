const AsyncFunction = (async function () {}).constructor;
const AsyncGeneratorFunction = (async function* () {}).constructor;
const f = new AsyncFunction("a", "b", "return a + await b;");
console.log(f.toString());
f(1, Promise.resolve(2)).then(v => console.log("sum", v));
const g = AsyncGeneratorFunction("x", "yield x; yield await x * 2;");
console.log(Object.getPrototypeOf(g) === AsyncGeneratorFunction.prototype, g.name);
(async () => { for await (const v of g(21)) console.log("got", v); })();
