x=foo
echo a >&$x
echo never
