mkdir d
touch 'd/sp ace' 'd/back\sl' "d/$(printf 'nl\nx')" "d/q\"uote" d/é
tree d
tree -q d
tree -N d
tree -Q d
LANG=C.UTF-8 tree d
LANG=C.UTF-8 tree -q d
LANG=C.UTF-8 tree -Q d
tree --charset=UTF-8 d
TREE_CHARSET=utf8 tree d
tree -S d
tree --charset=IBM850 d
tree -A d
tree -v d
