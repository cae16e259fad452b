mkdir -p a/b
cd -P a/b
mv /tmp/sh-case/a /tmp/sh-case/c
pwd -P; /bin/pwd
cd .; echo "logical cd . $?"
cd -P .; pwd -P
mv /tmp/sh-case/c /tmp/sh-case/d
pwd -P; (pwd -P; cd -P ..; pwd -P); pwd -P
