echo a; echo b; fi
