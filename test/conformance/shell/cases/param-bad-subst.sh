echo first
false && echo ${x/a/b}
echo ${x/a/b}
echo never
