printf 'hello world foo bar\nabcdefghij\n\tx\n' > fo
fold -w 5 fo
fold -s -w 8 fo
fold -b -w 3 fo
fold -3 fo
printf 'a\tb\n' | fold -w 4
printf 'a\tb\n' | fold -b -w 2
printf 'abc\bdef\n' | fold -w 3 | od -c
printf 'aaaa bbbb' | fold -w 4 | od -c
printf 'ab  cd ef\n' | fold -s -w 3
printf 'a\rbcdef\n' | fold -w 3 | od -c
printf 'word word word word word word word word word word word word word word word word word\n' | fold
printf 'word word word word word word word word word word word word word word word word word\n' | fold -s
fold -w 5 fo - < fo
fold -w 0 fo; echo status $?
fold -w x fo; echo status $?
fold nosuch; echo status $?
: | fold
fold -x; echo status $?
