set -o nosuch
echo never
