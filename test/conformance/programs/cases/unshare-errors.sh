unshare -x
echo status $?
unshare --bogus
echo status $?
unshare nosuchcmd
echo status $?
unshare -u nosuchcmd
echo status $?
unshare --propagation bogus true
echo status $?
unshare --setgroups bogus true
echo status $?
unshare --map-user=bogus -U true
echo status $?
unshare --map-group=bogus -U true
echo status $?
unshare -S x true
echo status $?
unshare --mount-proc=/nosuch -p -f true
echo status $?
unshare -R nosuch true
echo status $?
unshare -w nosuch true
echo status $?
unshare -u sh -c 'exit 3'
echo status $?
unshare -u -f sh -c 'exit 4'
echo status $?
