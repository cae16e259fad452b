: > f
umask 022
chmod -v 0 f
chmod -v +w f
chmod -v =w f
chmod 664 f
chmod -w f
echo status $?
chmod -v u+ f
chmod 664 f
chmod -v -w,+x f
echo status $?
chmod -c -- -x f
echo status $?
chmod -v -rwx f
chmod -Rv -w f
umask 077
chmod -v +r f
