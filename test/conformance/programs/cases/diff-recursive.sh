mkdir -p da/sub db/sub dc
echo x > da/f
echo y > db/f
echo only > da/o
echo s > da/sub/s
echo t > db/sub/s
echo new > db/n
touch -d @1700000000 da/f db/f da/o da/sub/s db/sub/s db/n
diff da db
echo "status $?"
diff -r da db
echo "status $?"
diff -ru da db
diff -rN da db
diff -r -N -u da db
diff -qr da db
diff -rq db da
echo "status $?"
diff da/f db
diff da/f dc
echo "status $?"
diff dc da/f
echo "status $?"
mkdir -p e1/x e2
echo file > e2/x
diff -r e1 e2
echo "status $?"
diff -r da da
echo "status $?"
cp_ok=0
mkdir -p same1 same2
echo a > same1/a
echo a > same2/a
diff -r same1 same2
echo "status $?"
diff -rs same1 same2
