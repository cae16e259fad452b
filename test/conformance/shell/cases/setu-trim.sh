set -u
echo ${u#a}
