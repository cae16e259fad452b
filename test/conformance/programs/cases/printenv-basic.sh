printenv
env -i A=1 B= printenv
env -i A=1 printenv A B; echo status $?
env -i A=1 B=2 printenv B A
env -i A=1 printenv -0 A | od -c
env -i A=1 printenv 'A=1'; echo status $?
printenv HOME LANG
printenv -x; echo status $?
printenv --bogus; echo status $?
