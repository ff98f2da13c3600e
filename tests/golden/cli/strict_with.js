function f() {
  "use strict";
  with (obj) {}
}
