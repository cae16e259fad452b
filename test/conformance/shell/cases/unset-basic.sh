x=1; unset x; echo "[${x-unset}]"
f() { :; }; unset -f f; f
y=2; unset -v y; echo "[${y-unset}]"
unset nosuch; echo $?
unset 1a; echo $?
