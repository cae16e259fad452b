set -e
for i in 1 2; do false; echo no; done
echo never
