x=abc
set -- 1 2
echo ${#x} ${#} ${x#a} ${x##*b} ${#-} 
