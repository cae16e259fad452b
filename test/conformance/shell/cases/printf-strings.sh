printf '[%5s][%-5s][%.2s][%5.1s]\n' ab ab abcdef xyz
printf '[%c][%c]\n' hello x
printf '[%b]\n' 'a\tb' 'c\101' 'd\0101' '\e' 
printf '%b|' 'one\c' two; echo
printf 'fmt\101\0101\x41\z\c\n'
