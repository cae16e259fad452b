CDPATH=/:/root
cd tmp; pwd
cd sh-case; pwd
CDPATH=; cd /; cd tmp; pwd
