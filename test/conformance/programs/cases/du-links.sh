mkdir d
head -c 5000 /dev/zero > d/f
ln d/f hard
ln -s d/f sym
ln -s d dsym
du -b hard d/f
du -bl hard d/f
du -b sym
du -bL sym
du -bH sym
du -bs dsym
du -bsL dsym
du -bsH dsym
du -bsD dsym
du -b d d
du -bc d d
