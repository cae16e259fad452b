printf '%d|%i|%o|%u|%x|%X\n' 42 -42 8 42 255 255
printf '%5d|%-5d|%05d|%+d|% d|%.3d\n' 42 42 42 42 42 7
printf '%#x|%#o|%#X\n' 255 8 255
printf '%d %d\n' "'A" '"b'
printf '%u %d\n' -1 9999999999999999999; echo $?
