x=outer
f() { local x; echo "[${x-unset}]"; x=in; }
f; echo $x
