printf 'the quick brown fox\nthe lazy dog\nquick quick\n' > words
awk '{ for (i = 1; i <= NF; i++) count[$i]++ } END { for (w in count) print w, count[w] }' words
awk 'BEGIN { a["b"]; a["a"]; a[10]; a[9]; a[-1]; a["B"]; for (k in a) print k }'
awk 'BEGIN { n = split("z y x w", a); for (k in a) print k, a[k] }'
awk 'BEGIN { for (i = 0; i < 200; i++) a[i] = i; n = 0; for (k in a) if (n++ < 15) printf "%s ", k; print "" }'
awk 'BEGIN { for (i = 0; i < 100; i++) a["k" i] = i; n = 0; for (k in a) if (n++ < 15) printf "%s ", k; print length(a) }'
awk 'BEGIN { a[0.1]; a[1e20]; a[2^31]; for (k in a) print k }'
awk 'BEGIN { x[1, 2] = 3; for (k in x) { split(k, p, SUBSEP); print p[1], p[2] }; if ((1, 2) in x) print "yes"; if (!((2, 1) in x)) print "no" }'
awk 'BEGIN { if (!(3 in a)) print "absent"; if (a[3] == "") print "empty"; if (3 in a) print "now present" }'
awk 'BEGIN { a[1]; a[2]; delete a[1]; print length(a); delete a; print length(a); a["x"] = 1; for (k in a) print k, a[k] }'
awk 'BEGIN { x[1] = 1; x[2] = 2; x[3] = 3; for (k in x) delete x[k]; print length(x) }'
printf '3\n1\n2\n' | awk '{ v[NR] = $1 } END { for (i = 1; i <= NR; i++) for (j = i + 1; j <= NR; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }; for (i = 1; i <= NR; i++) printf "%s ", v[i]; print "" }'
printf 'k1 1\nk2 2\nk1 3\n' | awk '{ s[$1] += $2 } END { for (k in s) print k, s[k] }'
awk 'BEGIN { x[1] = 1; x = 2 }'
echo status $?
