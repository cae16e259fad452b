: > f
chmod
echo status $?
chmod 644
echo status $?
chmod xyz f
echo status $?
chmod 8 f
echo status $?
chmod 10000 f
echo status $?
chmod -v u+x nosuch
echo status $?
chmod -f u+x nosuch
echo status $?
chmod --reference=nosuch f
echo status $?
chmod -v -vw f
echo status $?
chmod --bogus f
echo status $?
chmod u+x,, f
echo status $?
chmod u f
echo status $?
chmod -R --preserve-root u+x /
echo status $?
chmod "a'" f
echo status $?
: > "q'"
chmod -v 600 "q'" 'r s'
