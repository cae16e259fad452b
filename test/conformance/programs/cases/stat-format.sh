mkdir dir
printf 'hello\n' > file
touch empty 'a b' "it's"
ln -s file link
mkfifo fifo
mknod chr c 4 64
mknod blk b 8 3
chmod 4750 file
chmod 1777 dir
touch -h -d @1500000000.123456789 file empty link fifo chr blk dir
stat -c '%n|%N|%F|%a|%#a|%04a|%A|%f|%h|%u|%U|%g|%G|%s|%B|%o|%t|%T|%Hr|%Lr' file empty link fifo chr blk dir
stat -c '%Y %y' file link
stat -L -c '%n %F %s %N' link
stat -c '%N' 'a b' "it's" link
QUOTING_STYLE=literal stat -c '%N' 'a b'
QUOTING_STYLE=c stat -c '%N' 'a b'
QUOTING_STYLE=bad stat -c '%N' 'a b'
QUOTING_STYLE=c stat -c '%n' 'a b'
stat -c '%.3Y|%.9Y|%.Y|%.0Y|%.12Y|%15.3Y|%-15.3Y|%015.3Y|%+.3Y|%5.Y|%3Y|%-12Y|' file
stat -c '%10s|%-10s|%010s|%+s|% s|%.2n|%5.3n|%-8U|%8G|%y' file
stat -c '%q %% %5% end' file
echo status $?
stat -c '%' file
stat -c '100%' file
stat -c '%5' file
echo status $?
stat -c '%Hx %Ls %H %L' file
stat -c 'a\tb\\' file
stat --printf '%n\t%s\n' file empty
stat --printf 'x\101\x41\x4g\e[0m\"\q|\' file
echo
echo status $?
stat --printf='%s\n' -c '%n' file
stat -c '%n' --printf='%s\n' file
stat -t -c %n file
