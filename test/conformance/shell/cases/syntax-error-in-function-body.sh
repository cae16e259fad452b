f() { echo ok;
echo start
