set -u
echo ${#u}
