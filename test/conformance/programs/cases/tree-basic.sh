mkdir -p a/b c e/f/g
touch a/b/f a/g .hid x e/f/g/deep
ln -s a lnk
ln -s nowhere dang
chmod 755 x
tree
echo status $?
tree -a
tree -d
tree -L 1
tree -L 2 -f
tree -L2
tree -i
tree -fi
tree --noreport
tree -F
tree a c
tree c
tree x
echo status $?
tree nosuch
echo status $?
tree -l
tree -r
tree -P 'f*'
tree -P '[fg]|deep'
tree -I 'a|c'
tree -I '*e*'
tree --dirsfirst
tree --filesfirst
tree -Q a
tree -N a
tree -- a
tree -f a/
tree a/
