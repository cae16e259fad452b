printf 'a\0b\n\001\177\200 xyz\tend\n' | od -c
printf aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | od -c
printf abc | od -An -x
printf abcdefghijklmnopq | od -Ax -x
printf ab | od
echo "Hello World" | tr a-z A-Z
echo "a  b   c" | tr -s " "
echo hello | tr -d l
echo abc | tr -c a x; echo
echo 'x1y22z' | tr -d '[:digit:]'
