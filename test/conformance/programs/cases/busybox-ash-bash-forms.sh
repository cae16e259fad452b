busybox sh -c 'echo hi &>/dev/null; echo "both $?"; ls nope &> out; cat out; echo a&>out2; cat out2; { echo b; echo c >&2; } &> out3; cat out3'
busybox sh -c 'x=out4; echo to-file >&$x; cat out4; f() { echo in; echo err >&2; }; f >& out5; cat out5; set -x; echo traced &>/dev/null' 2>&1
busybox sh -c 'set -o noclobber; echo a > g; echo b &> g; echo "noclobber $?"; echo c &> /nonexist/x; echo "nodir $?"'
busybox sh -c 'echo a &>> f'; echo "append $?"
busybox sh -c 'echo a 2>&f; echo not reached'; echo "fd2 $?"
busybox sh -c 'echo a >& ""'; echo "empty $?"
echo 'echo "sourced $# $1"' > s.sh
busybox sh -c 'set -- a b; . ./s.sh x y z; echo "after $# $1"; . ./s.sh; source ./s.sh q'
echo 'set -- z; shift; echo "inner [$*]"' > t.sh
busybox sh -c 'set -- a; . ./t.sh 1 2; echo "outer [$*]"'
mkdir b; printf 'echo tool\n' > b/tool; chmod +x b/tool
busybox sh -c 'PATH=$PWD/b; f() { :; }; alias a=b; type -p tool cd if f a nope; echo "p $?"; type -t tool; type -- cd; type -p; echo "none $?"'
busybox sh -c 'ulimit -z; echo "bad option $?"; ulimit -p; echo "p $?"; ulimit -n abc; echo "bad number $?"; ulimit -ns; echo "attached $?"'
busybox sh -c 'export A=1; export -n A; env | grep -c ^A=; echo "[$A]"; export -n B=2; echo "$B $(env | grep -c ^B=)"; readonly -n x=1; echo $x; export -n 1x=2; echo "bad $?"'
busybox sh -c 'printf "-----\n"; printf -- "--\n"; printf "-%d\n" 5; printf -x; echo; printf -v v "%s" hi; echo "[$v]"'
