set -e -u
s=$(set +o)
set +e +u
eval "$s"
echo "[$-]" 
