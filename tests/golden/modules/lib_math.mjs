export const square = (x) => x * x;
export default "not re-exported by export *";
