: > f; : > g
ln -s f l
chown
echo status $?
chown 1234
echo status $?
chown nosuch f
echo status $?
chown 1234:nosuch f
echo status $?
chown nosuch: f
echo status $?
chown 99999999999 f
echo status $?
chown root: f -v
chown -v 1234 f
chown -v 1234:4321 f
chown -v :root f
chown -v root.root f
echo status $?
chown -v +0 f
chown -c 0 f
chown -c 2345 f
chown -v 1234 l
chown -hv 4321 l
chown -v 1234 nosuch
echo status $?
chown -f 0 nosuch
echo status $?
chown -v --from=0 6789 f g
chown -v --from=:0 1234 g
chown -v --reference=f g
chown -v "" f
chown -v : f
chown --from=bad 0 g
echo status $?
chown "u'" f
echo status $?
chown -v 0 "n'"
