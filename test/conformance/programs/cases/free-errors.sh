free -x 2>err; echo st=$?; head -n 1 err
free -b -m; echo st=$?
free --kilo --gibi; echo st=$?
free -c 0; echo st=$?
free -c abc; echo st=$?
free -s 0; echo st=$?
free -s -1; echo st=$?
free -s abc 2>err; echo st=$?; head -n 1 err
free extra 2>/dev/null; echo st=$?
free --count 2>err; echo st=$?; head -n 1 err
free --bogus 2>err; echo st=$?; head -n 1 err
free -V
