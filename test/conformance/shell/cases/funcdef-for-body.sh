f() for i in "$@"; do echo "<$i>"; done
f x "y z" 
