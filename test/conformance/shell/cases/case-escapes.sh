for w in 'a*' 'ab' 'a\b' '[x]'; do
  case $w in
    a\*) echo "star-literal [$w]";;
    'a\b') echo "backslash [$w]";;
    \[x\]) echo "brackets [$w]";;
    *) echo "other [$w]";;
  esac
done
