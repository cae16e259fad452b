x='a*b*c'
echo "${x#*\*}" "${x#"a*"}" "${x%'*c'}" ${x%\**}
y=abc
echo "${y%c*}" "${y%"c*"}" "${y#'a'}"
