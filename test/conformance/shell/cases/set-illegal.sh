set -z
echo never
