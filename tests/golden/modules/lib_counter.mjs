export let counter = 0;
export function increment() {
  counter++;
}
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
export { Point };
console.log("lib_counter evaluated");
