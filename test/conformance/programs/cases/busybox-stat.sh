echo hello > f
ln -s f l
mkdir d
touch -d @1000000000 f d
touch -h -d @1000000000 l
busybox stat f l | grep -v -e Change -e '^Access: [0-9]' | sed 's/Device: [0-9a-f]*h\/[0-9]*d/Device: X/; s/Inode: [0-9]* */Inode: X /'
busybox stat d | grep -e File -e Links | sed 's/Device: [0-9a-f]*h\/[0-9]*d/Device: X/; s/Inode: [0-9]* */Inode: X /'
busybox stat -L l | grep -e File -e Size
busybox stat -c '%n %s %a %U %G %F %Y' f l d
busybox stat -t f | cut -d' ' -f1-5
busybox stat -f . | grep -e File -e Type | sed 's/ID: [0-9a-f]* *//'
