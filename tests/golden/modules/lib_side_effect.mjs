console.log("lib_side_effect evaluated");
