#!/usr/bin/env node
let let = 1;
