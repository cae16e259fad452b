printf 'x\ny\n' > in
{ read a; read b; } < in
echo "$a$b"
while read l; do echo "[$l]"; done < in > out
while read l; do echo "<$l>"; done < out
