head -c 5000 /dev/zero > f1
head -c 1 /dev/zero > f2
head -c 10000 /dev/zero > f3
touch empty
du f1 f2 f3 empty
du -c f1 f2
du -h f1 f3
du --si f3
du -k f3
du -m f3
du -B 1 f1
du -B 512 f1
du --block-size=K f1
du -ah f3
du -s f1
du -l f1 f1
du f1 f1
echo status $?
