set -e
x=$(false; echo no)
echo "[$x]" never
