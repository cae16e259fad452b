printf 'a\\ b\\\nc d\n' | { read x y; echo "[$x][$y]"; }
printf 'a\\ b c\n' | { read -r x y; echo "[$x][$y]"; }
printf 'end\\\n' | { read x; echo "[$x]" $?; }
