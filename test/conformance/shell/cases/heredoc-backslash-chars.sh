while read -r l; do echo "[$l]"; done <<EOF
\a \" \' \` \$ \\ \n
EOF
