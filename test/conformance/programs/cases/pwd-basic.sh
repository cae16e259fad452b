pwd
/bin/pwd
/bin/pwd -P
/bin/pwd -L
mkdir real
ln -s real link
cd link
/bin/pwd
/bin/pwd -L
/bin/pwd -P
PWD=/tmp/sh-case/../sh-case/link /bin/pwd -L
PWD=relative /bin/pwd -L
PWD=/tmp /bin/pwd -L
/bin/pwd -L -P
/bin/pwd -P -L
cd /
/bin/pwd
/bin/pwd x; echo status $?
/bin/pwd -x; echo status $?
