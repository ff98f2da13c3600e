"use strict";
var n = 017;
