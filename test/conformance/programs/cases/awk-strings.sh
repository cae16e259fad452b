awk 'BEGIN { print length("abc"), index("foobar", "bar"), index("abc", ""), toupper("abC"), tolower("ABc") }'
awk 'BEGIN { print substr("hello", 2, 3), substr("hello", 0, 2), substr("hello", -1, 3), substr("hello", 1.5, 2), substr("hello", 2), substr("hello", 10) "|" }'
awk 'BEGIN { s = "abc"; gsub(/b*/, "-", s); print s; s = "aaa"; gsub(/^a/, "x", s); print s }'
awk 'BEGIN { s = "hello world"; n = gsub(/o/, "[&]", s); print n, s; t = "path/to"; sub(/\//, "\\&", t); print t }'
awk 'BEGIN { s = "aaa"; print gsub(/a/, "b&b", s), s; u = "hello"; gsub(/l+/, "L", u); print u; v = "abc"; gsub(//, "-", v); print v }'
echo 'test' | awk '{ sub(/t$/, "T"); print; gsub(/^/, ">"); print }'
echo 'abcd' | awk '{ print match($0, /ab|abcd/), RSTART, RLENGTH; print match($0, /z/), RSTART, RLENGTH }'
awk 'BEGIN { n = split("a:b:c", arr, ":"); print n, arr[3]; n = split("a1b2c", d, /[0-9]/); print n, d[2]; n = split("  a  b  ", w); print n, w[1] w[2]; n = split("abc", c, ""); print n, c[3]; n = split("", e); print n, length(e) }'
awk 'BEGIN { x = "abc"; print x ~ "b", x ~ /^b/, x !~ "z", "a.c" ~ /a\.c/, "abc" ~ "a.c" }'
awk 'BEGIN { print match("ab1", /[[:digit:]]/), match("a]b", /[]]/), match("x^y", /x^y/), match("a{2}", /a{2}/), match("a+b", /a\+b/), match("a/b", /a\/b/) }'
awk 'BEGIN { print "a\tb", "q\"q", "back\\slash", "\101\x42", "keep\qit" }'
awk 'BEGIN { print length() }' </dev/null
echo 'hello' | awk '{ print length, length($0) }'
awk 'BEGIN { print toupper(substr("word", 1, 1)) substr("word", 2) }'
awk 'BEGIN { s = "foo.bar"; sub(".", "X", s); print s }'
awk 'BEGIN { s = "a+b"; gsub("+", "-", s); print s }'
echo status $?
awk 'BEGIN { r = "("; print match("a", r) }'
echo status $?
