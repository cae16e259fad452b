mkdir -p d/e
echo hi > d/e/f
touch -d @1700000000 d/e/f d/e d
tar czf d.tgz d
tar tzf d.tgz
tar tf d.tgz
tar -tzvf d.tgz
mkdir o
tar xzf d.tgz -C o
cat o/d/e/f
tar -xf d.tgz -C o --strip-components=2 -v
ls o
tar -c -z -f - d | tar -t -z
gzip -dc d.tgz | tar tv
tar czf - d | gunzip | tar tf -
