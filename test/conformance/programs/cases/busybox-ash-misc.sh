busybox sh -c '[ 1 -eq a ]'; echo "test $?"
busybox sh -c 'x=; [ $x = foo ]'; echo "test $?"
busybox sh -c '[ a = ]'; echo "test $?"
busybox sh -c '[ 1'; echo "test $?"
busybox sh -c 'test a -z b'; echo "test $?"
busybox sh -c '[ a b c d ]'; echo "test $?"
busybox sh -c '[ ! a b ]'; echo "test $?"
busybox sh -c '[ 1 -eq a ]' named; echo "test $?"
printf '[ 1 2 ]\necho "in script $?"\n' > t.sh
busybox sh t.sh; echo "script $?"
busybox sh -c 'printf "%d\n" abc'; echo "printf $?"
busybox sh -c 'printf'; echo "printf $?"
busybox sh -c 'printf "%s-%s\n" a b c'; echo "printf $?"
echo 'one  two ' | busybox sh -c 'read; echo "[$REPLY]"; read x; echo "read $?"'
printf 'a b c\n' | busybox sh -c 'read x y; echo "[$x] [$y]"'
busybox sh -c 'set -- a b; shift 3; echo "shift $? $#"'
busybox sh -c 'exit 99999999999'; echo "exit $?"
busybox sh -c 'exit 4294967298'; echo "exit $?"
busybox sh -c 'f() { return 258; }; f; echo "return $?"'
busybox sh -c 'echo "$LINENO"
echo "$LINENO"'
printf 'echo "$LINENO"\n\necho "$LINENO"\n' > l.sh
busybox sh l.sh
busybox sh -c 'LINENO=x; echo $LINENO'
busybox sh -c 'case $RANDOM in [0-9]*) echo random;; esac'
busybox sh -c 'x=5; echo $((x * 2)) $((x / 2)) $((x % 3))'
busybox sh -c 'alias ll="ls -l"; alias; alias ll; unalias ll; alias ll; echo "alias $?"'
busybox sh -c 'export A=1; export -p | grep "A="'
busybox sh -c 'readonly B=2; readonly -p | grep "B="'
busybox sh -c 'umask 077; umask; umask -S'
busybox sh -c 'pwd; cd /; pwd; cd -; cd /nonexistent 2>/dev/null || echo "cd failed $?"'
busybox sh -c 'echo "level $SHLVL"; busybox sh -c "echo \"inner \$SHLVL\""; env | grep SHLVL; [ -n "$HOSTNAME" ] && echo hostname-set; env | grep -c HOSTNAME'
SHLVL=4 busybox sh -c 'echo "level $SHLVL"'
busybox sh -c 'chdir /; pwd; chdir /nope'; echo "chdir $?"
