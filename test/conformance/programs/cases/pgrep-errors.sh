pgrep; echo st=$?
pgrep -u nosuchuser x; echo st=$?
pgrep -G nosuchgroup x; echo st=$?
pgrep '('; echo st=$?
pgrep 'a[b'; echo st=$?
pgrep one two; echo st=$?
pgrep -c zzznosuchprocess; echo st=$?
pgrep -x -l zzznosuchprocess; echo st=$?
pgrep -g abc; echo st=$?
pgrep -P x; echo st=$?
pgrep -s 1x; echo st=$?
pgrep -L; echo st=$?
pgrep -F nosuchfile; echo st=$?
echo abc > pf; pgrep -F pf; echo st=$?
echo 99999 > pf; pgrep -F pf; echo st=$?
pgrep -F pf -l -L; echo st=$?
pgrep averyveryverylongprocessname; echo st=$?
pgrep -e x 2>err; echo st=$?; head -n 1 err
pkill -l x 2>err; echo st=$?; head -n 1 err
pkill -n -o x 2>/dev/null; echo st=$?
pkill -0 zzznosuchprocess; echo st=$?
pkill -c zzznosuchprocess; echo st=$?
pgrep -V
pkill -V
