echo a 12>f; echo *
echo c 1x>h; read x < h; echo "$x" 
