for x y
