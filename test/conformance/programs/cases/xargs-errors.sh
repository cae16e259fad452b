printf "it's\n" | xargs
echo status $?
printf 'a "b c\n' | xargs
echo status $?
printf 'a\\' | xargs
echo status $?
echo a | xargs nosuchcmd
echo status $?
echo a | xargs sh -c 'exit 3'
echo status $?
echo a | xargs sh -c 'exit 255'
echo status $?
echo a | xargs sh -c 'kill -9 $$'
echo status $?
printf 'a\nb\n' | xargs -I{} sh -c 'echo {}; exit 1'
echo status $?
echo a b | xargs -x -s 5 echo
echo status $?
printf 'a\n' | xargs -s 3 echo
echo status $?
echo a | xargs -n 0
echo status $?
echo a | xargs -n x
echo status $?
echo a | xargs -d ab
echo status $?
echo a | xargs --badopt
echo status $?
echo a | xargs -z
echo status $?
xargs -a nosuch echo
echo status $?
mkdir d
echo a | xargs ./d
echo status $?
