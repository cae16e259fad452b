seq 1 10 > ten
split -l 3 ten
for f in x*; do echo "== $f"; cat $f; done
rm -f x*
split -l 4 ten part-
ls
rm -f part-*
split -b 7 ten
for f in x*; do echo "== $f"; od -c $f; done
rm -f x*
split -C 5 ten c
for f in c?*; do echo "== $f"; cat $f; done
rm -f c?*
split -d -l 4 --additional-suffix=.txt ten d
ls d*
rm -f d*
split -a 1 -l 2 ten s
ls s*
rm -f s*
split -x -a 3 -l 1 ten h
ls h*
rm -f h*
seq 1 3 | split -l 1 - in
ls in*
cat inab
rm -f in*
: > empty
split empty
ls
seq 1 2000 > big
split big
wc -l xaa xab
rm -f xa?
printf 'aaaaaaaaaaaa\nbb\n' > long
split -C 5 long L
for f in L*; do echo "== $f"; od -c $f; done
rm -f L*
split --verbose -l 5 ten v
ls v*
