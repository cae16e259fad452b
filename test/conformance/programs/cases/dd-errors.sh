# dd's complaints about its operands, in GNU's words, and what it does about missing files.
for a in foo foo=bar bs=0 bs=abc bs=1x bs=0x5 count=1Q conv=foo conv=notrunc,bar iflag=binary oflag=fullblock \
  status=foo conv=ascii,ebcdic conv=lcase,ucase conv=excl,nocreat iflag=direct,nocache \
  bs=99999999999999999999 -x --foo if=/nonexist of=/nonexist/x conv= ibs=-1; do
  echo "== $a"
  dd "$a" </dev/null
  echo "status $?"
done
dd if=. 2>&1 | sed 's/, [0-9.e+-]* s, .*//'
dd status=none,noxfer </dev/null 2>&1
printf abcdef | dd iflag=skip_bytes,count_bytes skip=2 count=3 oflag=seek_bytes status=none; echo
dd -- count=0 2>&1 | sed 's/, [0-9.e+-]* s, .*//'
LANG=C.UTF-8 dd bs=0 conv=x; LANG=C.UTF-8 dd conv=x; LANG=C.UTF-8 dd if=nope; echo "status $?"
