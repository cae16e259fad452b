# test/[ with `!`s and expressions that end early: dash's code, not POSIX's argument-count rules
# (a leading ! before 3 or 4 arguments gives "negated" however many there are; a missing operand
# is false, not an error).
for t in '!' '! !' '! ! !' '! ! ! !' '! ! ! ! !' 'a -a' '! -n' 'x -o !' '-n' '! -z' 'a -a !' \
  '! a -a' 'a = b -o !' '-n -a' 'a -o' '! a -o' '! ""' '! "" -a x' '! ! a' '! a = a' '! a = b' \
  '! ! a = a' 'a = a -a' '-z' '! -z ""' '-z -o' '-f' 'a -a b -o' '( a )' '! ( a )' '-a' '-o' \
  '! -a' '! -o'; do
  eval "[ $t ]"; echo "[$t] -> $?"
done
