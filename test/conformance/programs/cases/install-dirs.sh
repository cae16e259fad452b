mode() { chmod -v u+ "$@"; }
install -d x/y/z -v
mode x x/y x/y/z
install -vdm 700 m
mode m
umask 077
install -d ua/ub
mode ua ua/ub
echo f > f
install -D f up/uq/ur
mode up up/uq up/uq/ur
umask 022
mkdir ex
chmod 700 ex
install -d ex
mode ex
install -d -m 750 ex
mode ex
install -dv ex/new
install -d -m u+x j
mode j
install -D f p/q/r -v
install -Dv f p/q/s
install -D -t nd/sub f -v
install -D f
echo status $?
install -Dv f t/y/
echo status $?
install -d
echo status $?
install -d ""
echo status $?
install -ds a d
echo status $?
install -d -t x a
echo status $?
