case x y
