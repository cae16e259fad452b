# busybox's test/[ with `!`s and expressions that end early: POSIX's rules by argument count
# (each ! negates, `! ARG` tests ARG), a lone trailing ! is the string "!", a missing operand
# otherwise an error.
busybox sh -c 'for t in "!" "! !" "! ! !" "! ! ! !" "! ! ! ! !" "a -a" "! -n" "x -o !" "-n" "! -z" \
  "a -a !" "! a -a" "a = b -o !" "-n -a" "a -o" "! a -o" "! \"\"" "! \"\" -a x" "! ! a" "! a = a" \
  "! a = b" "! ! a = a" "a = a -a" "-z" "! -z \"\"" "-z -o" "-f" "a -a b -o" "( a )" "! ( a )" \
  "-a" "-o" "! -a" "! -o"; do
  eval "[ $t ]"; echo "[$t] -> $?"
done'
