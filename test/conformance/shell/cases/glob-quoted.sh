: > 'a*b'; : > axb
echo a*b
echo "a*b"
echo a\*b
echo 'a'*'b'
x='a*b'
echo $x "$x" 
