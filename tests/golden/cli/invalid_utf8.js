const s = "ÿşÃ"; let = ;
