export A=1
B=2
sh -c 'echo "[$A][$B]"'
