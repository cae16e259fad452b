printf 'a\nb\na\nc\nb\n' | awk '!seen[$0]++'
printf 'k1\nk3\n' > f1
printf 'k1 x\nk2 y\nk3 z\n' > f2
awk 'NR == FNR { a[$1]; next } $1 in a' f1 f2
printf 'one two three\n' | awk '{ $1 = ""; print substr($0, 2) }'
printf 'a b\n' | awk -v OFS='\t' '{ $1 = $1; print }' | od -c
printf 'abcd\nab\n' | awk 'length > 3'
printf 'x 1\ny 2\n' | awk '{ printf("%-5s|%3d|\n", $1, $2) }'
printf 'a b c\n' | awk '{ for (i = NF; i > 0; i--) printf "%s%s", $i, (i > 1 ? OFS : ORS) }'
printf '5\n3\n9\n' | awk 'NR == 1 || $1 > max { max = $1 } END { print max }'
printf 'line1\nline2\n' | awk '{ print > ("out" NR ".txt") } END { close("out1.txt"); while ((getline l < "out1.txt") > 0) print "r:", l }'
cat out2.txt
awk 'BEGIN { "echo 3 4" | getline; print $1 * $2 }'
printf 'a,b,"c"\n' | awk -F, '{ gsub(/"/, "", $3); print $3, NF }'
printf 'Hello World\n' | awk '{ print tolower($0); print toupper(substr($1, 1, 1)) tolower(substr($1, 2)) }'
printf '1\n2\n3\n' | awk '{ s += $1 } END { print "sum", s, "avg", s / NR }'
printf 'foo=1\nbar=2\n' | awk -F= '$1 == "bar" { print $2 }'
awk 'BEGIN { printf "%5.1f%%\n", 45.678 }'
printf '  padded  \n' | awk '{ sub(/^ +/, ""); sub(/ +$/, ""); print "[" $0 "]" }'
printf '2024-01-02 10:00 ERROR x\n2024-01-02 11:00 INFO y\n' | awk '$3 == "ERROR" { split($1, d, "-"); print d[3] "/" d[2], $2 }'
awk 'BEGIN { CONVFMT = "%.2g"; x = 3.14159; y = x ""; print y; a[x] = 1; for (k in a) print k }'
printf 'a:b\n' | awk 'BEGIN { FS = ":"; OFS = "-" } { $1 = $1 } 1'
printf 'x\n' | awk '{ print NR ": " $0 }' - 
awk 'BEGIN { while (("echo a b c" | getline w) > 0) print "w:", w }'
