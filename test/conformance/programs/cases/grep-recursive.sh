mkdir -p d/sub e
echo hello > d/sub/b.txt
echo hello > e/a.c
grep hello d
echo "status $?"
grep -r hello d
grep -r hello d/
grep -r hello d e
grep -rh hello d
grep -rc hello d
grep -r hello d/sub/b.txt
grep -R hello d
grep -rl hello d e
grep -r hello e --include='*.c'
grep -r hello e --include='*.txt'
echo "status $?"
grep -r hello e --exclude='*.c'
echo "status $?"
grep -r hello d e --exclude-dir=sub
grep -r hello d e --exclude-dir=d
grep hello e/a.c d/sub/b.txt --exclude='*.c'
grep hello e/a.c --include='*.txt'
echo "status $?"
grep -d skip hello d e/a.c
grep -d recurse hello e
grep -c hello d e/a.c
echo "status $?"
grep -L x d
echo "status $?"
cd d
grep -r hello
grep -r hello .
cd ..
printf 'a.c\n' > excl
grep -r hello e --exclude-from=excl
echo "status $?"
