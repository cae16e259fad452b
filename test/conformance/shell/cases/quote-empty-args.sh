set -- "" a ""
echo $#
for i in "$@"; do echo "[$i]"; done
set -- $empty "" $empty
echo $#
