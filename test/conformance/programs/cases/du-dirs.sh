mkdir -p t/a/b
head -c 5000 /dev/zero > t/a/b/f
du t
du -s t
du -h t/a
