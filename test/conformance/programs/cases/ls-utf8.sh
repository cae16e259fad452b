touch é 'ça va' 日本語 'tab	x' a
export LANG=C.UTF-8
ls
ls -C -w 30
ls -b
ls -q
ls --quoting-style=shell-escape
ls --quoting-style=locale
ls --quoting-style=c
ls -x -w 25 --quoting-style=shell-escape
ls nosuch 'ça'
ls --sort=foo a
LANG=C ls -b
LANG=C ls --quoting-style=shell-escape
LANG=C ls --quoting-style=locale
