// shapes.js: classes with private fields, static blocks, getters,
// inheritance and destructuring.
"use strict";

class Shape {
  static #count = 0;
  static {
    Shape.kinds = new Set();
  }

  #name;

  constructor(name) {
    this.#name = name;
    Shape.#count++;
    Shape.kinds.add(name);
  }

  get name() { return this.#name; }
  static get count() { return Shape.#count; }

  area() { throw new Error(`${this.#name} has no area`); }
  toString() { return `${this.name} (area ${this.area().toFixed(2)})`; }
}

class Circle extends Shape {
  constructor({ radius = 1 } = {}) {
    super("circle");
    this.radius = radius;
  }
  area() { return Math.PI * this.radius ** 2; }
}

class Rectangle extends Shape {
  constructor({ width, height = width }) {
    super("rectangle");
    Object.assign(this, { width, height });
  }
  area() { return this.width * this.height; }
}

const shapes = [new Circle({ radius: 2 }), new Rectangle({ width: 3, height: 4 }), new Rectangle({ width: 2 })];
const [largest, ...others] = shapes.toSorted((a, b) => b.area() - a.area());

console.log(`largest: ${largest}`);
for (const { name, ...rest } of others) {
  console.log(name, JSON.stringify(rest));
}
console.log(`${Shape.count} shapes of ${Shape.kinds.size} kinds`);
