pgrep ')'; echo st=$?
pgrep 'zz)q'; echo st=$?
pgrep -x 'zz)'; echo st=$?
pgrep '(zz))'; echo st=$?
pgrep 'zz\)'; echo st=$?
pgrep '(zz'; echo st=$?
