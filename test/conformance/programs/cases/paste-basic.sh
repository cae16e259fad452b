printf '1\n2\n3\n' > p1
printf 'a\nb' > p2
: > empty
paste p1 p2
paste -d, p1 p2 p1
paste -d ',;' p1 p1 p1
paste -s p1 p2
paste -s -d ':,' p1
paste -d '\n' p1 p2
paste -d '\0' p1 p2
paste -d '' p1 p2
paste -s -d '\t\\' p1
paste - - < p1
paste - p2 < p1
paste p1 empty
paste -s empty
: | paste -s
paste -s p2 | od -c
printf 'a\0b\0' | paste -z -s -d, | od -c
paste -d 'x\' p1
echo status $?
paste nosuch p1
echo status $?
paste -s nosuch p1
echo status $?
paste -x; echo status $?
