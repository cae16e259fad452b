set -o vi; echo "[$-]"
set -o emacs; echo "[$-]"
set +o emacs; echo "[$-]"
set -o | while read n v; do case $n in vi|emacs) echo "$n $v";; esac; done
