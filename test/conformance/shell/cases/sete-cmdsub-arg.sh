set -e
echo "got [$(false)]"
echo continues
