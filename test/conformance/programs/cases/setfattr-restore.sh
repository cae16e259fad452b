touch f g
setfattr -n user.a -v 1 f
setfattr -n user.b -v 0x00ff f
getfattr -d f > dump
cat dump
setfattr -x user.a f
setfattr -x user.b f
setfattr --restore=dump
getfattr -d f
printf '# file: g\nuser.one="1"\nuser.two=0x3232\nuser.three\n\n# file: nosuch\nuser.z="z"\n' > dump2
setfattr --restore=dump2
echo status $?
getfattr -d g
printf 'junk\n' | setfattr --restore=-
echo status $?
printf '\n\njunk\n' > dump3
setfattr --restore=dump3
echo status $?
setfattr --restore=nosuchfile
echo status $?
