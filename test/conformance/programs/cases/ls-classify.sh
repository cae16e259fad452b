mkdir dir
touch plain exe
chmod 755 exe
ln -s plain link
ln -s dir dlink
ln -s nowhere dangling
mkfifo fifo
touch -h -d @1500000000 dir plain exe link dlink dangling fifo
ls -F
ls -p
ls --file-type
ls --indicator-style=classify
ls --indicator-style=slash
ls --indicator-style=file-type
ls --indicator-style=none -F
ls -F --indicator-style=none
ls --classify
ls --classify=always
ls --classify=never
ls --classify=auto
ls -F --classify=never
ls -lF plain exe link dlink dangling fifo
ls -l --file-type plain exe link dlink dangling fifo
ls -ldF dir
ls -F dlink
ls -F dlink/
ls -dF dlink dir
ls -mF
ls -C -F -w 30
