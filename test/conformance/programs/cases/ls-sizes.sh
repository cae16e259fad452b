mkdir d
head -c 1000 /dev/zero > d/k1
head -c 1024 /dev/zero > d/k2
head -c 1500000 /dev/zero > d/m1
head -c 999 /dev/zero > d/small
printf 'x' > d/one
touch -d @1500000000 d/k1 d/k2 d/m1 d/small d/one d
ls -l d
ls -lh d
ls -l --si d
ls -ls d
ls -lsh d
ls -sk d
ls -l --block-size=K d
ls -l --block-size=1K d
ls -l --block-size=KB d
ls -l --block-size=MiB d
ls -l --block-size=human-readable d
ls -l --block-size=si d
ls -l --block-size=1000 d
ls -s --block-size=512 d
ls -lS d
ls -lSr d
ls -k -l --block-size=K d
BLOCK_SIZE=K ls -l d
LS_BLOCK_SIZE=K ls -ls d
BLOCK_SIZE=1 ls -s d
ls -ldh d
