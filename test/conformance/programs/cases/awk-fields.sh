printf 'alice 30 paris\nbob 25 rome\n\ncarol 41 oslo extra\n' > people
awk '{ print $1, $NF, NF }' people
awk '{ print $(NF-1) }' people
awk '{ $2 = $2 + 1; print }' people
awk 'BEGIN { OFS = "-" } { $1 = $1; print }' people
awk '{ $6 = "x"; print; print NF }' people
awk '{ NF = 2; print }' people
awk 'NF == 0 { print "blank line", NR }' people
echo 'a b c' | awk '{ $2 = ""; print; print NF }'
echo 'a b c' | awk '{ $0 = "x y"; print $2, NF }'
echo 'a b c' | awk '{ print ($7 == 0), ($7 == ""), length($7) }'
printf '  lead   and trail  \n' | awk '{ print NF ":" $1 ":" $2 }'
echo 'a b' | awk '{ print $(-1) }'
echo status $?
echo 'x y z' | awk '{ print $1$2, $1" "$3 }'
printf 'A\nB\n' | awk 'END { print $0, NF, NR }'
