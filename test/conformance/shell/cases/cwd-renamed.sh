mkdir -p d/sub x
cd d/sub
mv /tmp/sh-case/d /tmp/sh-case/e
pwd; pwd -P; /bin/pwd
mv /tmp/sh-case/e /tmp/sh-case/x/f
pwd -P
cd ..; echo "logical cd .. $?"
cd -P ..; pwd
cd -P ..; pwd
ls
