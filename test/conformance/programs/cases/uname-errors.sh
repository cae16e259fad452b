uname -p
uname -i
uname -s
uname
uname -o
uname x; echo status $?
uname -x; echo status $?
nproc --ignore=100000
nproc x; echo status $?
nproc --ignore=x; echo status $?
OMP_NUM_THREADS=7 nproc
OMP_NUM_THREADS=7 OMP_THREAD_LIMIT=3 nproc
OMP_NUM_THREADS=5 nproc --ignore=2
nproc -x; echo status $?
