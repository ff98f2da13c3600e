const re = /(a|b/u;
