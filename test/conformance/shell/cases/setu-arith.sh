set -u
echo $((u+1))
