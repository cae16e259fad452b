: > afile
cd afile; echo $?
cd nosuchdir; echo $?
cd "" ; echo $? ; pwd
cd /tmp/; pwd
