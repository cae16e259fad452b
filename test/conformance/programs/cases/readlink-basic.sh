mkdir d
touch f
ln -s f l
ln -s d dl
ln -s nowhere dang
ln -s loop loop
ln -s /tmp/sh-case/f abs
ln -s l chain
readlink l
readlink abs chain
readlink f
echo status $?
readlink -v f nosuch
echo status $?
readlink -f l dl dang nosuch/x f/ f/x d/ chain
echo status $?
readlink -e dang
echo status $?
readlink -ev dang f/ l
readlink -m nosuch/x/../y f/x ./d/../f
readlink -n l
echo
readlink -n l dl
readlink -z l dl
echo
readlink -f loop
echo status $?
readlink -fv loop
readlink
echo status $?
readlink -f ''
echo status $?
readlink -fv ''
readlink -f //
readlink -f /../x
readlink -f . .. /
readlink -q -v nosuch
readlink -v -q nosuch
echo status $?
readlink -fv 'a:b'
readlink --bogus
echo status $?
