echo before
: > nodir/y
echo never
