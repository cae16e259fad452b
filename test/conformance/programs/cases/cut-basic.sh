printf 'root:x:0:0:root:/root:/bin/bash\nuser:x:1000:1000::/home/user:/bin/sh\nnodelim\n' > p
cut -d: -f1 p
cut -d: -f1,3 p
cut -d: -f3- p
cut -d: -f-2 p
cut -d: -f 6,1 p
cut -d: -s -f1 p
cut -d: -f1,7 --output-delimiter=' | ' p
cut -d: --complement -f2-6 p
cut -d: -f9 p
printf 'a\tb\tc\n' | cut -f2
printf 'a\tb\tc\n' | cut -f1,3
cut -c1-4 p
cut -b 2,4,6 p
cut -c -3 p
cut -c 5- p
cut -c 1-2,4-5 --output-delimiter=: p
cut -c 1-2,3-4 --output-delimiter=: p
cut -c 3-4 --complement p
cut -c '1 3' p
cut -c1,1,1 p
cut -b 100 p
printf 'abc' | cut -c2
printf 'a:b\0c:d\0' | cut -z -d: -f2 | od -c
printf 'a::b\n' | cut -d: -f2,3
printf 'a b c\n' | cut -d ' ' -f 2
printf 'x,y\n' | cut -d, -f1 - p
: | cut -f1
