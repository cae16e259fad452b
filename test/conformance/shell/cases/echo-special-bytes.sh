echo 'a\0b' | od -An -c 2>/dev/null | tr -d ' '
echo '\0101\0' ; echo end
