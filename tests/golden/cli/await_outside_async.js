async function f() {
  for await (const x of []) {}
}
function g() { await 1; }
