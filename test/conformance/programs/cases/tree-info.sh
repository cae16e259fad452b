mkdir -p a/b
head -c 5000 /dev/zero > a/big
head -c 1500000 /dev/zero > a/huge
touch a/b/f
chmod 750 a/b
touch -d @1500000000 a a/b a/b/f a/big a/huge
tree -p a
tree -s a
tree -h a
tree --si a
tree -u -g a
tree -D a
tree -D --timefmt=%Y-%m-%d a
tree --timefmt '%s' a
tree -pugsD a
tree --metafirst -p a
tree --du a
tree --du -h a
tree --prune a
tree -sh --sort=size a
tree --sort=mtime a
tree -t a
tree -v a
tree -U a/b
tree --filelimit 1 a
tree --filelimit=5 a
chown 1234:4321 a/big
tree -ug a
