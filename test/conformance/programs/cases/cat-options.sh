printf 'one\ttab\n\n\n\nfive\n\001\177\200x\n' > f
cat -n f
cat -b f
cat -s f
cat -A f
cat -ET f
cat -v f
printf 'no newline' > g
cat -n f g f
cat -d f
echo status $?
cat -- nosuch 'a b'
echo status $?
cat f - < f
