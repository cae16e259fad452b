echo 'a  b' 'c"d' 'e\f' '$x' '`x`'
printf '%s\n' 'multi
line'
