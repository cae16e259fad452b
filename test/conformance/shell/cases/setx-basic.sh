set -x
echo hello "a b"
x=1
y=$(echo sub)
f() { :; }
f arg
{ echo grp; } > /dev/null
( true )
for i in 1; do :; done
case a in a) ;; esac
if true; then :; fi
true | false
! true
cd /
set +x
echo done
