echo "[$LINENO]"
f() { echo "[$LINENO]"; }
f
