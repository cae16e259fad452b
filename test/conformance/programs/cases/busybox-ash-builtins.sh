busybox sh -c 'echo -n a; echo -e "b\tc"; echo -E "x\ty"; echo "a\tb"; echo -ne "q\n"; echo -x; echo -- x; echo -nn y; echo -en; echo'
busybox sh -c 'echo -e "\x41\101\0101\e[0m|\\\\|\q"; echo -e "\1234"; echo -e "a\cb" c; echo end'
mkdir b; printf 'echo tool\n' > b/tool; chmod +x b/tool
PATH=$PWD/b:$PATH busybox sh -c 'type tool cd echo nope if export; echo "type $?"'
busybox sh -c 'alias ll="ls -l"; type ll; f() { :; }; type f; type /bin/ls; type source'
PATH=$PWD/b:$PATH busybox sh -c 'command -v tool; command -v cd; command -v if; command -v nope; echo "v $?"; f() { :; }; command -v f'
busybox sh -c 'command -V cd; command -V if; command -V nope; echo "V $?"'
busybox sh -c 'set -o'
busybox sh -c 'set -e -u; set +o'
busybox sh -c 'echo "[$-]"; set -e; echo "[$-]"; set -x; echo "[$-]"' 2>&1
busybox sh -xc 'x="a b" y=1 true; echo "it'"'"'s" plain "" "a;b" if '"'"'x'"'"' "'"'"'q"; for i in 1; do :; done' 2>&1
echo 'echo "[$-]"' | busybox sh
busybox sh -c 'set -o pipefail; false | true; echo "pipefail $?"; set +o pipefail; false | true; echo "no pipefail $?"'
busybox sh -c 'set -o emacs; echo "emacs $?"'
busybox sh -c 'echo $0' ; busybox sh -c 'echo $0 $1' zero one
busybox sh -c 'trap "echo bye" EXIT; echo hi'
busybox sh -c 'umask; umask -S'
