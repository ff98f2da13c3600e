export default class {
  kind = "anonymous class";
}
