printf 'a\nb\nc\nd\ne\n' > 1
printf 'a\nB\nc\ne\nf\n' > 2
touch -d @1700000000 1
touch -d @1700000100.123456789 2
diff -u 1 2
echo "status $?"
diff -U1 1 2
diff -U 0 1 2
diff --unified=2 1 2
i=1; while [ $i -le 30 ]; do echo "line $i"; i=$((i+1)); done > long1
i=1; while [ $i -le 30 ]; do if [ $i = 5 ]; then echo changed; elif [ $i = 25 ]; then :; else echo "line $i"; fi; i=$((i+1)); done > long2
touch -d @1700000000 long1 long2
diff -u long1 long2
diff -U5 long1 long2
diff -c long1 long2
diff -C1 long1 long2
diff -c 1 2
printf 'x' > 3
printf 'y' > 4
touch -d @1700000000 3 4
diff -u 3 4
diff -c 3 4
printf '' > empty
touch -d @1700000000 empty
diff -u empty 1
diff -u 1 empty
diff -c empty 1
diff --label left --label right -u 1 2
diff -u --label=only 1 2
diff -u 1 1
echo "status $?"
