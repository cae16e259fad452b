set -v
echo a
echo b
