free -x 2>err; echo st=$?; head -n 3 err
free -b -m; echo st=$?
free --kilo --gibi; echo st=$?
free -c 0; echo st=$?
free -c abc; echo st=$?
free -s 0; echo st=$?
free -s -1; echo st=$?
free -s abc 2>err; echo st=$?; head -n 1 err
free extra 2>err; echo st=$?; head -n 3 err
free --count 2>err; echo st=$?; head -n 1 err
free --bogus 2>err; echo st=$?; head -n 1 err
free --he | head -n 3
free -V
