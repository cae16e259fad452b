( trap 'echo inner-exit' EXIT; exit 3 )
echo $?
