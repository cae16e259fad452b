x=val
while read -r l; do echo "[$l]"; done <<'EOF'
plain $x $(echo no) \$ \\
EOF
while read -r l; do echo "[$l]"; done <<"E F"
a $x
E F
while read -r l; do echo "[$l]"; done <<E\F
b $x
EF
