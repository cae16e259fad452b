echo a 1>&1
echo b 2>&2 >&2
exec 7>&7; echo $?
