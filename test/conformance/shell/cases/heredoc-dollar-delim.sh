while read l; do echo "$l"; done <<$X
line
$X
while read l; do echo "$l"; done <<'$Y'
line2
$Y
