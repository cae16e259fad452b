printf 'a\na\nb\nA\na\nc\nc\nc\n' > u
uniq u
uniq -c u
uniq -d u
uniq -D u
uniq -u u
uniq -i u
uniq -ci u
uniq -u -d u
uniq --all-repeated=prepend u
uniq --all-repeated=separate u
uniq --group u
uniq --group=prepend u
uniq --group=append u
uniq --group=both u
printf 'x 1 a\ny 1 a\nz 2 a\n' > f
uniq -f 1 f
uniq -f1 -c f
uniq -s 2 f
uniq -s 2 -w 1 f
uniq -f 99999999999999999999999 f
printf 'x' | uniq
printf 'a\0a\0b\0' | uniq -z -c | od -c
uniq u out
cat out
uniq - < u
: | uniq
