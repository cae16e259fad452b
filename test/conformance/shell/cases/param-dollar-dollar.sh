a=$$; b=$(echo $$); c=$( (echo $$) )
[ "$a" = "$b" ] && echo same1
[ "$a" = "$c" ] && echo same2
case $$ in *[!0-9]*) echo bad;; *) echo num;; esac
