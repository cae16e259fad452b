mkdir -p src/d
echo content > src/d/f
chmod 640 src/d/f
touch -d @1700000000 src/d/f src/d src
tar cf a.tar src
mkdir out
tar xvf a.tar -C out
ls -l out/src/d
cat out/src/d/f
tar xOf a.tar src/d/f
mkdir strip
tar xvf a.tar -C strip --strip-components=2
ls -l strip
rm -rf src
tar xf a.tar src/d/f
ls -l src/d
echo changed > src/d/f
tar xf a.tar
cat src/d/f
echo changed > src/d/f
tar xkf a.tar src/d/f
echo status $?
cat src/d/f
tar xf a.tar --skip-old-files
cat src/d/f
mkdir ln
cd ln
echo x > f
ln f g
ln -s f s
touch -d @1700000000 f
touch -h -d @1700000000 s
tar cf ../l.tar --no-recursion f g s
cd ..
tar tvf l.tar
mkdir lx
tar xf l.tar -C lx
ls -l lx
tar xmf a.tar -C lx
cat lx/src/d/f
