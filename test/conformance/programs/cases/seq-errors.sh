seq; echo status $?
seq x; echo status $?
seq 1 2 3 4; echo status $?
seq 1 0 3; echo status $?
seq 1 -0.0 3; echo status $?
seq -f x 3; echo status $?
seq -f '%d' 3; echo status $?
seq -f '%g %g' 3; echo status $?
seq -f '%' 3; echo status $?
seq -f '%5' 3; echo status $?
seq -w -f '%g' 3; echo status $?
seq 1 nan; echo status $?
seq 1 3 -s x; echo status $?
seq -x 3; echo status $?
seq 1 2x; echo status $?
