set -x
for i in a b; do x=$i; done
eval 'y=1; echo $y'
f() { local z=2; echo $z; }
f
echo "$(echo inner)"
PS4='+$(echo ps4) '
echo custom
set +x
