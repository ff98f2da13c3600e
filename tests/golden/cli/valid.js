const greet = (name = "world") => `hello, ${name}`;
console.log(greet());
