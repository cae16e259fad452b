nsenter -x
echo status $?
nsenter --bogus
echo status $?
nsenter -t abc true
echo status $?
nsenter -u true
echo status $?
nsenter -a true
echo status $?
nsenter -t 4194303 -u true
echo status $?
nsenter -t 4194303 -m -u -n true
echo status $?
nsenter -r true
echo status $?
nsenter nosuchcmd
echo status $?
