x="a'b c"; export x
export -p | while read l; do case $l in *' x='*) echo "$l";; esac; done
y="it's"; z=
set | while read l; do case $l in y=*|z=*) echo "$l";; esac; done
