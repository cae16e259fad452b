uptime -x 2>err; echo st=$?; head -n 1 err
uptime extra 2>/dev/null; echo st=$?
uptime --bogus 2>err; echo st=$?; head -n 1 err
uptime -V
