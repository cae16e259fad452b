[ ! "" ] && echo not
[ a -a b ] && echo and
[ "" -o b ] && echo or
[ "" -a b ] || echo andfalse
[ a -o "" -a "" ] && echo precedence
[ \( a -o "" \) -a b ] && echo parens
[ ! a = b ] && echo notbinary
