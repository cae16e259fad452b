mkdir -p top/mid
echo data > top/mid/file
touch -d @1700000000 top/mid/file top/mid top
tar cvf a.tar top
tar tf a.tar
tar tvf a.tar
tar -tvf a.tar top/mid/file
tar tf a.tar top/mid
tar --list --file=a.tar --verbose
ln -s file top/mid/link
touch -h -d @1700000000 top/mid/link
mkfifo top/pipe
touch -d @1700000000 top/pipe top/mid top
tar cf b.tar --no-recursion top top/mid top/mid/file top/mid/link top/pipe
tar tvf b.tar
tar cf - top/mid/file | tar tvf -
tar cvvf c.tar --no-recursion top/mid/link
tar cf n.tar --numeric-owner top/mid/file
tar tvf n.tar
tar tvf n.tar --numeric-owner
tar cf e.tar --exclude='*ink' --no-recursion top/mid/file top/mid/link
tar tf e.tar
tar cf w.tar --no-recursion top/mid/file top/mid/link
tar tf w.tar --wildcards 'top/*/l*'
echo hi > /tmp/sh-case/abs
touch -d @1700000000 /tmp/sh-case/abs
tar cf abs.tar /tmp/sh-case/abs
tar tvf abs.tar
tar cf o.tar --owner=nobody:65534 --group=0 top/mid/file
tar tvf o.tar
