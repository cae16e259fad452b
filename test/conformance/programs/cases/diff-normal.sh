printf 'a\nb\nc\nd\ne\n' > 1
printf 'a\nB\nc\ne\nf\n' > 2
diff 1 2
echo "status $?"
diff 1 1
echo "status $?"
diff 2 1
printf 'x' > 3
printf 'y' > 4
diff 3 4
printf 'x\n' > 5
diff 3 5
diff 5 3
printf '' > empty
diff empty 1
diff 1 empty
printf '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n' > n1
printf '1\n2\nthree\n4\n5\n6\n7\neight\n9\n10\n11\n' > n2
diff n1 n2
printf 'a\nb\na\nb\na\n' > r1
printf 'b\na\nb\na\nb\n' > r2
diff r1 r2
printf 'x\ny\nz\nx\ny\nz\n' > r3
printf 'x\ny\nz\n' > r4
diff r3 r4
diff r4 r3
printf 'a\n\nb\n\nc\n' > b1
printf 'a\nb\n\nc\n\n' > b2
diff b1 b2
diff nosuch 1
echo "status $?"
diff 1 nosuch
echo "status $?"
printf 'x\n' | diff - 1
printf 'a\n' | diff 1 -
echo "status $?"
