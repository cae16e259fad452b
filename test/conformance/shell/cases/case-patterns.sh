for w in a1 b2 '*' '?' ab x.c; do
  case $w in
    [ab][0-9]) echo "class $w";;
    \*) echo star;;
    "?") echo qmark;;
    ?b) echo "two $w";;
    *.c) echo "c $w";;
  esac
done
