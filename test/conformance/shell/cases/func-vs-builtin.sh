echo() { printf 'my echo: %s\n' "$*"; }
echo hi
command echo real
unset -f echo
echo back
