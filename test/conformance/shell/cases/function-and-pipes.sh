up() { while read l; do echo "<$l>"; done; }
printf 'a\nb\n' | up | up
