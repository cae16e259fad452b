mkdir -p t/a/b
head -c 5000 /dev/zero > t/a/b/f
head -c 100 /dev/zero > t/g
mkdir t2
head -c 3000 /dev/zero > t2/x
du -b t2
du -b t/a
du -ab t/a
du -sb t t2
du -cb t/a t2
du -b -d 0 t/a
du -b --max-depth=1 t/a
du --apparent-size -B 1 t/a
du -Sb t/a
du -Sab t/a
du -b --inodes t/a
du --inodes t/a
du -0b t2 | od -c
du -b -t 3000 t/a t2
du -b -t 3001 t2
du -b -t -200 -a t/a
du -b --exclude=b t/a
du -b --exclude='f*' -a t/a
du -sh --apparent-size t/a
du -s --si --apparent-size t/a
du -sk --apparent-size t/a
du -sm --apparent-size t/a
du -s --apparent-size --block-size=K t/a
du -s --apparent-size --block-size=1KB t/a
DU_BLOCK_SIZE=1 du -s --apparent-size t/a
BLOCK_SIZE=10 du -s --apparent-size t/a
cd t/a && du -b && du -ab && du -sb
