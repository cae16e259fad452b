uptime -x 2>err; echo st=$?; head -n 3 err
uptime extra 2>err; echo st=$?; head -n 3 err
uptime --bogus 2>err; echo st=$?; head -n 1 err
uptime -V
uptime --help | head -n 3
