x=$(cat <<EOF
in heredoc
EOF
)
echo "$x"
y=$(read a <<EOF
line
EOF
echo "got $a")
echo "$y" 
