cd /tmp; cd ..; pwd
cd /; cd ../..; pwd
cd /tmp/../root; pwd
cd ./; pwd
