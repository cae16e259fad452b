busybox env nope; echo "env $?"
echo a | busybox xargs nope; echo "xargs $?"
busybox find . -maxdepth 0 -exec nope \; ; echo "find $?"
busybox env -i FOO=bar env
echo a b c | busybox xargs -n 1 echo x
busybox timeout 5 true; echo "timeout $?"
busybox find . -maxdepth 0 -exec echo found {} \;
