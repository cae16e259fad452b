mkdir -p d/s
: > d/s/x
ln -s d l
chown -Rv 1234:1234 d
chown -R -c 0 d
chown -R -v 4321 l
chown -v -R -H 2345 l
chown -R --dereference 0 d
echo status $?
chown -R --preserve-root 0 /
echo status $?
mkdir -p t/u
ln -s ../../d t/u/lnk
chown -R 4321 t
chown -RLv 6789 t
chown -R -c 0 t
