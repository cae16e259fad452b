mkdir dir ow st tw
chmod 777 ow
chmod 1755 st
chmod 1777 tw
touch plain exe suid sgid multi arch.tar.gz pic.JPG
chmod 755 exe
chmod 4755 suid
chmod 2755 sgid
ln multi multi2
ln -s plain link
ln -s nowhere orphan
ln -s dir dlink
mkfifo fifo
mknod chr c 1 3
mknod blk b 7 0
touch -h -d @1500000000 dir ow st tw plain exe suid sgid multi multi2 arch.tar.gz pic.JPG link orphan dlink fifo chr blk
ls --color=always
echo status $?
TERM=xterm ls --color=always
TERM=xterm-256color ls --color
TERM=dumb ls --color=always
COLORTERM=truecolor ls --color=always plain dir
TERM=xterm ls --color=never
TERM=xterm ls --color=auto
TERM=xterm ls --color=always -l plain exe suid sgid multi link orphan dlink fifo chr blk
TERM=xterm ls --color=always -ld dir ow st tw
TERM=xterm ls --color=always -F
TERM=xterm ls --color=always -C -w 40
TERM=xterm ls --color=always -f dir
TERM=xterm ls -f --color=always dir
LS_COLORS='rs=0:di=01;34:ln=01;36:mh=00:pi=40;33:so=01;35:do=01;35:bd=40;33;01:cd=40;33;01:or=40;31;01:mi=00:su=37;41:sg=30;43:ca=00:tw=30;42:ow=34;42:st=37;44:ex=01;32:*.tar=01;31:*.gz=01;31:*.jpg=01;35:*.JPG=01;35:' ls --color=always
LS_COLORS='rs=0:di=01;34:ln=01;36:mh=00:pi=40;33:so=01;35:do=01;35:bd=40;33;01:cd=40;33;01:or=40;31;01:mi=00:su=37;41:sg=30;43:ca=00:tw=30;42:ow=34;42:st=37;44:ex=01;32:*.tar=01;31:*.gz=01;31:*.jpg=01;35:*.JPG=01;35:' ls --color=always -l plain exe link orphan dlink fifo chr arch.tar.gz
LS_COLORS='ln=target:di=1:ex=4:or=5' ls --color=always link dlink orphan exe
LS_COLORS='no=7:fi=2:mh=44' ls --color=always plain multi
LS_COLORS='*.gz=31:*.GZ=32:*.tar.gz=33' ls --color=always arch.tar.gz
LS_COLORS='di=\e[1m:lc=<:rc=>:ec=[end]' ls --color=always dir
LS_COLORS='di=^[' ls --color=always dir
echo status $?
LS_COLORS='di' ls --color=always dir
echo status $?
LS_COLORS='xx=1' ls --color=always dir
echo status $?
LS_COLORS=':::di=1' ls --color=always dir
