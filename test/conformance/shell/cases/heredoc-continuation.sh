while read -r l; do echo "[$l]"; done <<EOF
a\
EOF
EOF
while read -r l; do echo "[$l]"; done <<'EOF'
b\
EOF
