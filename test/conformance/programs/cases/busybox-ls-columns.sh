mkdir d
cd d
for n in a bb ccc dddd eeeeeeeeeeee f g h i j k l m n o p q r s t u v w x y z0123456789; do touch $n; done
busybox ls -C
busybox ls -C -w 40
busybox ls -x -w 40
busybox ls -C -w 10
busybox ls -C -p ..
