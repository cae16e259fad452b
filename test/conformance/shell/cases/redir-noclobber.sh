echo a > f
set -C
echo b > f; echo $?
echo c >| f
read x < f; echo $x
echo d >> f
echo e > /dev/null; echo $?
set +C
echo g > f; read x < f; echo $x
