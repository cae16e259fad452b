mkdir -p dir/sub ow tw
chmod 777 ow
chmod 1777 tw
touch dir/file exe arch.tar.gz suid
chmod 755 exe
chmod 4755 suid
ln -s dir link
ln -s nowhere orphan
mkfifo fifo
tree -C
TERM=xterm tree -C
TERM=xterm tree
TERM=xterm tree -C -n
TERM=xterm CLICOLOR_FORCE=1 tree
TERM=xterm CLICOLOR=1 tree
TERM=xterm LS_COLORS='di=01;34:ln=01;36:or=40;31;01:ex=01;32:*.gz=35' tree -C
TERM=xterm LS_COLORS='ln=target:di=1:ex=4' tree -C link exe
TERM=xterm TREE_COLORS='di=33' LS_COLORS='di=35' tree -C dir
TERM=xterm LS_COLORS='lc=<:rc=>:ec=[e]:di=D' tree -C dir
TERM=xterm tree -C -F
