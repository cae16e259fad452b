echo "${u:-'a'}" "${u:-"a  b"}" "${u:-a\"b}" "${u:-a\}b}" ${u:-a\}b}
echo ${u:-"a  b"} c
echo ${u:-a  b}c
x="a  b"; echo ${u:-$x}; echo "${u:-$x}"
