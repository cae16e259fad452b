while echo cond; false; do :; done; echo $?
