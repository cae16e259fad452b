for do in a b; do echo $do; done
