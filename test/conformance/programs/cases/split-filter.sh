seq 1 5 | split -l 2 --filter='cat > $FILE.f; echo "[$FILE]"'
ls
cat xab.f
seq 1 5 | split -l 2 --filter='exit 3'; echo "status $?"
seq 1 5 | split -l 2 --filter='kill -9 $$'; echo "status $?"
seq 1 5 | split -l 2 --filter='head -c1 >/dev/null'; echo "status $?"
seq 1 30000 | split -l 10000 --filter='head -c1 >/dev/null'; echo "status $?"
seq 1 4 | split -n r/2 --filter='wc -l'
seq 1 4 > four
split -n 2 --filter='od -c' four
split --verbose -l 3 --filter='cat >/dev/null' four
ls x* 2>/dev/null | wc -l
