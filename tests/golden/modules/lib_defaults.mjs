export default function (who) {
  return `hello, ${who}`;
}
const s = "exported under a string name";
export { s as "string name" };
