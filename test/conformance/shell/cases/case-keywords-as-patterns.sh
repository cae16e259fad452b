for w in if then esac in do; do
  case $w in
    if|then) echo "kw1 $w";;
    esac) echo "kw2 $w";;
    in|do) echo "kw3 $w";;
  esac
done
