echo "[$-]"
set -e -u -x -f -C
echo "[$-]"
set +euxfC
echo "[$-]"
set -o noglob -o nounset
echo "[$-]"
set -a; echo "[$-]"; set +a
