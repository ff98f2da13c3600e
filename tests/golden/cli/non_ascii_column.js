const s = "héllo 😀"; let t = s +* 2;
