dirname /a/b/c
dirname a
dirname /
dirname //
dirname a/b/
dirname ''
dirname a b/c /x/y/
dirname ///a//b//
dirname //a
dirname /a
dirname ./a
dirname ../a/..
dirname -z a/b c | od -c
dirname; echo status $?
dirname --x; echo status $?
