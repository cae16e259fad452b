readonly r=1 s
readonly
readonly -p
r=2
echo never
