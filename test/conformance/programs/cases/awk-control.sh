awk 'BEGIN { while (i < 3) { i++; if (i == 2) continue; print "while", i }; do { j++ } while (j < 5); print "do", j; for (;;) { k++; if (k > 3) break }; print "for", k }'
awk 'BEGIN { for (i = 1; i <= 3; i++) for (j = 1; j <= 3; j++) if (i == j) printf "%d%d ", i, j; print "" }'
awk 'BEGIN { if (1) ; else print "no"; print "yes" }'
awk 'BEGIN { x = 5; if (x > 3) print "big"; else print "small" }'
awk 'BEGIN { x = 1
if (x)
  print "newline before statement"
else
  print "else"
}'
awk 'BEGIN { print 1,
2 }'
awk '   # comment only
BEGIN { print "after comment" } # trailing
'
awk 'BEGIN { a = 1; b = 2; print (a < b) ? "lt" : "ge", (a == 1 && b == 2), (a == 2 || b == 2), !a }'
printf 'x\ny\n' | awk '{ print; next; print "never" } END { print "end" }'
printf 'x\ny\n' | awk 'NR == 1 { getline; print "got", $0, NR }'
printf 'a\nb\nc\n' | awk 'NR == 1 { getline v; print "v=" v, "now", $0, NR }'
printf 'a\nb\n' | awk 'BEGIN { while ((getline line) > 0) n++; print n, line, NR }'
