awk 'BEGIN { print "a" > "out"; print "b" > "out"; close("out"); print "c" >> "out"; close("out"); while ((getline l < "out") > 0) print "got", l }'
awk 'BEGIN { print "x" > "o" "2"; r = close("o2"); print r, close("o2") }'
cat o2
awk 'BEGIN { print (getline x < "nosuch"), "ok" }'
awk 'BEGIN { "echo hi there" | getline; print $2, NR; "echo a; echo b" | getline v; print v; close("echo a; echo b"); "echo a; echo b" | getline v; print v }'
awk 'BEGIN { while (("echo a; echo b; echo c" | getline line) > 0) n++; print n, line }'
awk 'BEGIN { print "x" | "cat"; print "y" }'
awk 'BEGIN { print "a"; print "b" | "cat" }'
awk 'BEGIN { print system("exit 4"); r = system("echo from system"); print r }'
awk 'BEGIN { print "q" | "exit 3"; print close("exit 3"); print close("never opened") }'
awk 'BEGIN { printf "to stderr\n" > "/dev/stderr"; print "to stdout" > "/dev/stdout"; print "plain" }'
awk 'BEGIN { print 1 > 2 ? "t" : "f" }'
cat t
echo a | awk '{ print > "/nonexistent/dir/x" }'
echo status $?
awk 'END { print "not reached" }' nosuch
echo status $?
printf 'a\n' > f1; printf 'b\nc\n' > f2
awk '{ print FILENAME, NR, FNR }' f1 f2
echo z | awk '{ print FILENAME, v }' v=1 -
awk 'BEGIN { ARGV[1] = "f2"; ARGC = 2 } { print "argv", $0 }' f1
awk 'BEGIN { delete ARGV[1] } { print "kept", $0 }' nosuch f1
awk 'BEGIN { print ARGC, ARGV[0], ARGV[2] }' x y
awk -v 'x=a\tb' 'BEGIN { print x }'
awk 'BEGIN { print ENVIRON["HOME"] }'
