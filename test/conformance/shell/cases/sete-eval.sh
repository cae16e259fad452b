set -e
eval false
echo never
