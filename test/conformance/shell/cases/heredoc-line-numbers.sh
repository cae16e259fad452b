read x <<E
one
two
E
nosuch
