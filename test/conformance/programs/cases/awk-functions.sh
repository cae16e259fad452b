awk 'function fact(n) { return n <= 1 ? 1 : n * fact(n - 1) } BEGIN { print fact(10) }'
awk 'function fill(a, n,   i) { for (i = 1; i <= n; i++) a[i] = i * i } BEGIN { fill(sq, 5); for (k in sq) s += sq[k]; print s, length(sq) }'
awk 'function g(a) { a = 5 } BEGIN { b = 1; g(b); print b }'
awk 'function f(a,   i, n) { n = 0; for (i in a) n++; return n } BEGIN { x[1]; x[2]; print f(x) }'
awk 'function r(n) { if (n > 0) { print n; r(n - 1) } } BEGIN { r(3) }'
awk 'function f() { return } BEGIN { x = f(); print "[" x "]", length(x) }'
awk 'function f(x) { x[1] = "a" } BEGIN { f(arr); f(arr2); print arr[1] arr2[1] }'
awk 'function max(a, b) { return a > b ? a : b } { m = max(m, $1) } END { print m }' <<EOT
3
17
5
EOT
awk 'function f(a) { return a * 2 } BEGIN { print f(3) f(4) }'
awk 'BEGIN { f(1) }'
echo status $?
awk 'function f(a) { } BEGIN { f(1, 2) }'
echo status $?
awk 'function f(a, a) { }'
echo status $?
awk 'BEGIN { return 1 }'
echo status $?
