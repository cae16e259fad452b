x=val
while read l; do echo "[$l]"; done <<EOF
plain $x
"quoted" 'single' \$x \\
$(echo cs) `echo bq` $((1+1))
EOF
