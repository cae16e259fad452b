x=val
printf '%s\n' "a  b" "$x" "\$x" "a\\b" "a\"b" "a\b" "`echo bq`" "$(echo cs)" "'q'"
printf '%s\n' "tab	inside" "a\
b"
