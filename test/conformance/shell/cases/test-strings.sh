[ abc = abc ] && echo eq
[ abc != abd ] && echo ne
[ -z "" ] && echo z
[ -n x ] && echo n
[ x ] && echo nonempty
[ "" ] || echo empty
[ a \< b ] && echo lt
[ b \> a ] && echo gt
test abc = abc; echo $?
