mkdir dir
touch dir/inside target
ln -s dir dlink
ln -s target flink
ln -s nowhere dangling
ln -s loop loop
touch -h -d @1500000000 dir dir/inside target dlink flink dangling loop
ls dlink
ls -l dlink
ls -d dlink
ls -F dlink
ls -H -l dlink
ls --dereference-command-line-symlink-to-dir -l dlink
ls -L -l flink dlink
ls -L dangling
echo status $?
ls -L loop
echo status $?
ls loop dangling
ls -l loop
ls -L
echo status $?
ls -lL dir
