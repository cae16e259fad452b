nosuch > nodir/f; echo $?
