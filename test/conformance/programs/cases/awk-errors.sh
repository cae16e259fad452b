awk 'BEGIN {'
echo status $?
awk '{ print $1'
echo status $?
awk 'BEGIN { x = }'
echo status $?
awk 'BEGIN { x = 1 +
}'
echo status $?
awk '{ print $1 }}'
echo status $?
awk 'BEGIN { f( }'
awk 'BEGIN { print "abc }'
awk 'BEGIN { x = /abc }'
awk 'BEGIN { @ }'
awk 'BEGIN { next }'
awk 'BEGIN { break }'
awk 'BEGIN { printf }'
awk 'BEGIN { print match("a", /(/) }'
awk 'BEGIN { print match("a", /+a/) }'
awk 'BEGIN { print length(1, 2) }'
awk 'BEGIN { split("a") }'
echo status $?
printf 'BEGIN { x = }\n' > bad.awk
awk -f bad.awk
awk -f nosuch.awk
echo status $?
awk -f
echo status $?
awk -v x
echo status $?
awk -x
echo status $?
awk --version
echo status $?
