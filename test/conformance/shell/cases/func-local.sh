x=global
f() { local x=local y; y=ly; echo "$x $y"; g; }
g() { echo "g sees $x $y"; }
f
echo "$x [${y-unset}]" 
