mkdir t3 emp big leaf
printf 'abc' > t3/three
printf '' > emp/empty
head -c 3000 /dev/zero > big/big
set -- t3 emp big leaf
find "$@" -size -1k
find "$@" -type f -size 1
find "$@" -size 3c
find "$@" -size +2k
find "$@" -type f -size -4k
find "$@" -empty
find "$@" -size 3k
find "$@" -size +2999c -size -3001c
chmod 755 t3/three
chmod 600 big/big
find "$@" -type f -perm 755
find "$@" -type f -perm -644
find "$@" -type f -perm /111
find "$@" -type f -perm -u+x
find "$@" -type f -perm u=rw
find "$@" -type f -perm /o+r
find "$@" -perm -o+w
find "$@" -perm /a=w
find "$@" -type d -links 2
find . -maxdepth 0 -links +5
find "$@" -type f -links -2
find "$@" -user root -type f
find "$@" -group root -name three
find "$@" -uid 0 -name three
find "$@" -gid +5
find "$@" -nouser
find "$@" -readable -name big
find "$@" -executable -type f
find "$@" -inum -1
