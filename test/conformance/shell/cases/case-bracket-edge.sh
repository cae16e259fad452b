for w in - ] a '^' '!'; do
  case $w in
    [a-]) echo "class1 $w";;
    []]) echo "class2 $w";;
    [!a-z]) echo "neg $w";;
  esac
done
