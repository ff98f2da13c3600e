const { a, ...rest } = obj;
label: for (let i = 0n; i < 0x10n; i++) if (/[\p{L}--\p{Lu}]/v.test(`${a}`)) break label;
