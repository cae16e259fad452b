unset u; e=
echo "${u=x1}" "$u"
echo "${e=x2}[$e]" "${e:=x3}" "$e"
echo "${n:=a b}" "$n"
