exec 3>f
(echo from-sub >&3)
{ echo from-group >&3; }
exec 3>&-
while read l; do echo "$l"; done < f
