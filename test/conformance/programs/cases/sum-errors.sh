printf 'abc' > a
mkdir d
sum nosuch a; echo status $?
sum d; echo status $?
sum -s nosuch; echo status $?
sum -x; echo status $?
sum --bsd; echo status $?
