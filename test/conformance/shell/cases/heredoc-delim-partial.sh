while read -r l; do echo "[$l]"; done <<EOF
EOFX
 EOF
EOF
