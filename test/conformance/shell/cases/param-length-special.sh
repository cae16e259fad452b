set -- a b c
echo ${#@} ${##} ${#?} ${#0}
