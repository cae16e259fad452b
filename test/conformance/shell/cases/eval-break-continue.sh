for i in 1 2 3; do eval 'if [ $i = 2 ]; then continue; fi'; echo $i; done
for i in 1 2 3; do eval break; echo never; done; echo out
