# link and unlink: exactly one system call each, with their argument-count errors.
touch f
link f g; echo "status $?"
ls -li f g | awk '{print $1 == prev ? "same" : "new", $3, $NF; prev = $1}'
link f g; echo "status $?"
link nope x; echo "status $?"
mkdir d
link d e; echo "status $?"
link; echo "status $?"
link a; echo "status $?"
link a b c; echo "status $?"
link --foo; echo "status $?"
link -x; echo "status $?"
link -- f h; echo "status $?"
unlink g; echo "status $?"
ls
unlink nope; echo "status $?"
unlink d; echo "status $?"
unlink; echo "status $?"
unlink a b; echo "status $?"
unlink --foo; echo "status $?"
unlink -x; echo "status $?"
ln -s f s; unlink s; echo "status $?"; ls
LANG=C.UTF-8 link a; LANG=C.UTF-8 link a b c; LANG=C.UTF-8 unlink a b; LANG=C.UTF-8 link nope x; echo "status $?"
