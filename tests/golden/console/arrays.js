// console.log of arrays: brackets, holes, nesting, grouping into columns
console.log([], [1, 2, 3], [[]], [[1, 2], [3, 4]], [1, [2, [3, [4, [5]]]]]);
console.log([, 1, , , 2], new Array(5), [1, , 3], [undefined, null]);
const withProps = [1, 2];
withProps.extra = 'x';
console.log(withProps);
console.log(Array.from({ length: 30 }, (_, i) => i));
console.log(Array.from({ length: 30 }, (_, i) => 'item' + i));
console.log(Array.from({ length: 120 }, (_, i) => i % 10));
console.log([1.5, -2, 300000, 4e21, NaN, -Infinity, 7, 8]);
console.log(['a', 'bb', 'ccc', 'dddd', 'eeeee', 'ffffff', 'ggggggg', 'hhhhhhhh']);
console.log([true, false, true, false, true, false, true, false, true]);
console.log([1, 'two', 3, 'four', 5, 'six', 7, 'eight', 9, 'ten', 11, 'twelve', 13]);
console.log(['a'.repeat(100)]);
console.log([{ a: 1 }, { b: 2 }], [[[[]]]], [[[[1]]]]);
