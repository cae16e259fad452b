printf 'a\n\nb\n\n\nc\n' > n1
nl n1
nl -ba n1
nl -bn n1
nl -ba -l2 n1
nl -n ln -w 3 -s: n1
nl -n rz n1
nl -n rz -v -5 -w 3 n1
nl -v 5 -i 2 n1
nl -i 0 n1
nl -b pb n1
nl -b 'p^[ac]' n1
nl -s '' n1
printf 'h\n\\:\\:\\:\nH\n\\:\\:\nB\n\\:\nF\n\\:\\:\nB2\n' > sec
nl sec
nl -h a -f a sec
nl -p -h a -f a sec
printf 'x\n@@@\ny\n' | nl -d @ -h a
printf 'x' | nl
nl n1 - < n1
: | nl
nl -v 9223372036854775807 n1
echo status $?
