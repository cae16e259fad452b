{ echo a; } ; { echo b ; }
if true; then { echo c; } fi
x={; echo $x
echo { }
