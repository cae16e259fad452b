printf 'root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000::/home/user:/bin/dash\n' > pw
awk -F: '{ print $1, $7 }' pw
awk -F ':' -v OFS=, '{ print $1, $3 }' pw
awk 'BEGIN { FS = ":" } $3 >= 1000 { print $1 }' pw
echo 'a1b22c333d' | awk -F'[0-9]+' '{ print $2, $3, NF }'
printf 'a\tb c\td\n' | awk -F'\t' '{ print $2 }'
echo 'a|b|c' | awk -F'|' '{ print $3 }'
echo 'a.b.c' | awk -F. '{ print NF, $2 }'
echo 'atb' | awk -Ft '{ print $1 }'
echo ' a  b ' | awk -F'[ ]' '{ print NF }'
echo 'abc' | awk 'BEGIN { FS = "" } { print NF, $2 }'
printf 'a,b;c,d;e\n' | awk 'BEGIN { RS = ";" } { print NR ": " $0 }'
printf 'a1b22c333d\n' | awk 'BEGIN { RS = "[0-9]+" } { print NR ": [" $0 "]" }'
printf 'one two\nthree\n' | awk 'BEGIN { RS = " " } { print NR ": [" $0 "]" }'
printf 'a:b\nc d:e\n\n\n\nf:g h\ni\n\n' > para
awk 'BEGIN { RS = ""; FS = ":" } { print NR ": NF=" NF; for (i = 1; i <= NF; i++) print " [" $i "]" }' para
awk 'BEGIN { RS = "" } { print NR ": " NF " fields, first " $1 }' para
printf 'x\ny\n' | awk 'BEGIN { ORS = "|" } { print } END { printf "\n" }'
printf 'a b\n' | awk 'BEGIN { OFS = ":"; ORS = "!\n" } { print $1, $2; print }'
