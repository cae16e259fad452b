printf '1\n2\n3\n4\n5\n6\n' > n
awk 'NR == 2, NR == 4' n
awk '/2/, /3/ { print "range", $0 }' n
awk '/5/, /nomatch/' n
awk 'NR % 2' n
awk '$1 > 3 { s += $1 } END { print s }' n
awk '!/[135]/' n
awk 'NR == 1 || $1 == 6 { print "edge", $0 }' n
awk '$0 ~ "^[45]$"' n
awk 'BEGIN { re = "^[0-9]+$" } $0 ~ re { c++ } END { print c }' n
awk 'length($0) > 0 && $1 < 3' n
awk 'END { print NR }' n
awk 'NR == 3 { next } { printf "%s ", $0 } END { print "" }' n
awk 'BEGIN { print "begin" } END { print "end" }' n
awk '{ print; exit } END { print "end after exit" }' n
awk 'BEGIN { exit 3 } END { print "end still runs" }'
echo status $?
awk '{ exit 5 } END { print NR }' n
echo status $?
