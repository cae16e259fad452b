mkdir -p src/sub
echo hello > a
echo world > src/sub/b
touch -d @1000000000 a src/sub/b src/sub src
busybox tar cf t.tar src a
busybox tar tf t.tar
busybox tar tvf t.tar
mkdir out
busybox tar xf t.tar -C out
cat out/src/sub/b out/a
busybox tar czf t.tgz src
busybox tar tzf t.tgz
busybox gzip -c a > a.gz
busybox gunzip -c a.gz
busybox zcat a.gz
busybox gzip a; ls a*
busybox gzip -d a.gz; ls a*
busybox gzip /nope; echo "gzip $?"
busybox tar xf /nope; echo "tar $?"
busybox tar 2>/dev/null; echo "tar $?"
