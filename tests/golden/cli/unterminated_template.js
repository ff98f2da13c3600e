let s = `unterminated ${1 + 2
