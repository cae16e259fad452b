echo start
for 1x in a; do :; done
