read x <<EOF | echo piped
data
EOF
echo $?
