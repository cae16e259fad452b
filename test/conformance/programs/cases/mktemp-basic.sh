mktemp a b
echo status $?
mktemp aXX
echo status $?
mktemp --suffix=.x abc
echo status $?
mktemp --suffix=a/b aXXX
echo status $?
mktemp -t a/XXX
echo status $?
mktemp -p /tmp /abXXX
echo status $?
mktemp nodir/XXXX
echo status $?
mktemp -q nodir/XXXX
echo status $?
mktemp -d -p nodir
echo status $?
mktemp XXXa/b
echo status $?
TMPDIR=/nonexistent mktemp
echo status $?
f=$(mktemp); case $f in /tmp/tmp.??????????) echo default name ok;; *) echo "bad $f";; esac
test -f "$f" && chmod -v u+ "$f" | { read -r a b c d e; echo "$e"; }
rm -f "$f"
d=$(mktemp -d); case $d in /tmp/tmp.??????????) echo directory name ok;; *) echo "bad $d";; esac
test -d "$d" && chmod -v u+ "$d" | { read -r a b c d e; echo "$e"; }
rmdir "$d"
f=$(mktemp fooXXXXX.txt); case $f in foo?????.txt) echo suffix after X ok;; esac
f=$(mktemp --suffix=.c barXXX); case $f in bar???.c) echo --suffix ok;; esac
f=$(mktemp -p . zXXXX); case $f in ./z????) echo -p ok;; esac
f=$(TMPDIR=. mktemp -t yXXX); case $f in ./y???) echo -t ok;; esac
f=$(mktemp --tmpdir=. wXXX); case $f in ./w???) echo --tmpdir ok;; esac
f=$(mktemp -u fooXXX); case $f in foo???) echo -u ok;; esac
test -e "$f" || echo -u made nothing
a=$(mktemp qXXXXXX); b=$(mktemp qXXXXXX); test "$a" != "$b" && echo two names differ
mktemp "x'XX"
echo status $?
