mkdir -p top/a/deep top/b top/.hid
touch top/f top/a/g top/a/deep/h top/b/i top/.hid/j
ls -R top
ls -R
ls -Ra top
ls -R top/a top/b
ls -R top/f
ls -Rd top
ls -R1 top/a
ls -RC -w 20 top
mkdir loop
ln -s .. loop/up
ls -RL loop
echo status $?
