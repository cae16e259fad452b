read x <<E
last
