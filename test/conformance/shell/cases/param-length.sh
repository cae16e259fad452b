x=hello; e=; s="a b c"
echo ${#x} ${#e} ${#s} ${#u}
set -- a bb ccc
echo ${#} ${#1} ${#3} ${#@} ${#*}
y=héllo
echo ${#y}
