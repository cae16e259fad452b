set -a
x=1
export -p | while read l; do case $l in *x=*) echo "$l";; esac; done
set +a
y=2
export -p | while read l; do case $l in *y=*) echo "$l";; esac; done; echo end
