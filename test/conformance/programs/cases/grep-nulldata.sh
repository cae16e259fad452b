printf 'one\ntwo\000three\000four' > z
grep -z two z | od -c
grep -z -c o z
grep -z 'one.two' z | od -c
grep -z '^three$' z | od -c
grep -z -n -o 'o' z | od -c
grep -zv t z | od -c
printf 'x\ny\n' | grep -z x | od -c
