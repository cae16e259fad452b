mkdir -p top/mid/low
printf 'abc' > top/mid/low/file.c
find top
find top -name '*.c'
find top -type d
find top -type f
find . -iname 'FILE.C'
find top -maxdepth 1
find top -mindepth 2
find top -maxdepth 2 -mindepth 2
find top -path '*mid*'
find top -path top/mid -prune -o -print
find top -depth
find top -name mid -prune
find top/ -name 'low'
find ./top -name file.c
find top -not -type d
find top \! -name '*.c' -type d -name low
find top -name nothing -o -name low
find top \( -name low -o -name mid \) -type d -print
find top -true -name file.c
find top -false
find top -name file.c -print -print
find top -name '[f]ile.?'
find top -name 'file\.c'
find top -name '*' -type f
