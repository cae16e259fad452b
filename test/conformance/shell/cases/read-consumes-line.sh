printf 'l1\nl2\nl3\n' > f
{ read a; read b; read c; } < f
echo "$a|$b|$c"
{ read a; echo "rest: $(while read r; do printf '%s,' "$r"; done)"; } < f
