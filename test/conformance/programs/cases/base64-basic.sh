printf 'hello world' | base64
printf 'hello world\n' > f
base64 f
base64 < f
printf 'a' | base64
printf 'ab' | base64
: | base64
i=0; while [ $i -lt 100 ]; do printf 'x'; i=$((i+1)); done > big
base64 big
base64 -w 20 big
base64 -w 0 big
echo
base64 --wrap=1 f | head -n 3
echo aGVsbG8= | base64 -d
echo
printf 'aGVs\nbG8=\n' | base64 -d
echo
echo 'aGVsbG8=aGk=' | base64 -d
echo
echo 'aGVs*bG8=' | base64 -di
echo " status $?"
base64 f | base64 -d
printf '\377\376\001' | base64 | base64 -d | od -c
