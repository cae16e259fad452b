for w in apple banana cherry 'x y' ''; do
  case $w in
    a*) echo "A:$w";;
    b*|c*) echo "BC:$w";;
    'x y') echo quoted;;
    '') echo empty;;
  esac
done
