same() { touch -d "@$1" ref; if [ ! "$2" -nt ref ] && [ ! "$2" -ot ref ]; then echo "$2 = $1"; else echo "$2 != $1"; fi; }
touch
echo status $?
touch a/b
echo status $?
touch -c nosuch
echo status $?
test -e nosuch || echo nosuch not made
touch new
test -f new && echo new made
touch -r nosuch new
echo status $?
touch -h nosuch
echo status $?
touch -ch nosuch
echo status $?
touch --time=bad new
echo status $?
mkdir d
touch d
echo status $?
touch -d "2024-01-02 03:04:05" -t 2401020304 new
echo status $?
touch -m -d @5 new
same 5 new
touch -a -d @9 new
same 5 new
touch -r new copy
same 5 copy
touch --time=mtime -d @3 new
same 3 new
ln -s new link
touch -h -d @7 link
same 3 new
touch -d @11 link
same 11 new
touch -c -d @1 nosuch new
same 1 new
test -e nosuch || echo still no nosuch
touch -d "x'" f
echo status $?
touch "nd'/x"
echo status $?
