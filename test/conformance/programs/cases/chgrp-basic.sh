: > f
mkdir -p d/s
: > d/s/x
ln -s f l
chgrp
echo status $?
chgrp 0
echo status $?
chgrp nosuch f
echo status $?
chgrp -v 1234 f
chgrp -v root f
chgrp -c root f
chgrp -v "" f
chgrp -v --reference=f d
chgrp -Rv 4321 d
chgrp -R -v 0 l
chgrp -v 1234 l
chgrp -hv 4321 l
chgrp -v 0 nosuch
echo status $?
chgrp -f 0 nosuch
echo status $?
chgrp -R --preserve-root 0 /
echo status $?
chgrp "g'" f
echo status $?
