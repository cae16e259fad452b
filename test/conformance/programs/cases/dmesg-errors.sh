dmesg -z 2>err; echo st=$?; cat err
dmesg extra 2>err; echo st=$?; cat err
dmesg --bogus 2>err; echo st=$?; cat err
dmesg -V
