date -d xyz; echo status $?
date -u -R -I; echo status $?
date -u a b; echo status $?
date -u foo; echo status $?
date -Ix; echo status $?
date --rfc-3339=x; echo status $?
date -r nosuch; echo status $?
date -d @0 -r tf; echo status $?
date -d @0 12345678; echo status $?
date -f nosuch; echo status $?
date -x; echo status $?
