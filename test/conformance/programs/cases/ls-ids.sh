touch a b c
chown 1234:5678 a
chown 0:4321 b
touch -d @1500000000 a b c
ls -l
ls -ln
ls -lg
ls -lo
ls -l --author a
