echo "$(echo "a\"b")" "$(echo 'c\"d')" `echo "e\\\\f"`
