echo a; echo b )
