p=/usr/local/lib/libfoo.so.1
echo ${p#*/} ${p##*/} ${p%.*} ${p%%.*}
echo ${p#/usr} ${p%1} ${p#nomatch} ${p%%nomatch}
x=aaa
echo ${x#a} ${x##a} ${x#a*} ${x##a*}[ ${x%a} ${x%%a*}]
