CDPATH=.:/
cd tmp; pwd
cd /; CDPATH=:/tmp; cd sh-case; pwd
