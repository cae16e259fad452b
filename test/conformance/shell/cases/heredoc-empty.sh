read x <<EOF
EOF
echo $? "[$x]"
read y <<EOF
