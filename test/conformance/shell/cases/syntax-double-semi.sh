echo a; ;
