echo 'echo via-path' > p.sh
PATH=$PWD:$PATH
. p.sh
