x=abc y=
echo ${y:-${x#a}} ${u-${y:-${x%c}}} "${u:-${x}-end}"
