printf 'café\nCAFÉ\nnaïve façade\nplain\n\303\251t\303\251\n' > u
export LANG=C.UTF-8
grep -i 'café' u
grep -o 'f.' u
grep -c '^.....$' u
grep -o '[[:alpha:]]*' u
grep -w 'na.ve' u
grep -o '\w*' u | head -3
printf 'caf\351\nok\n' > bad
grep ok bad
grep caf bad
echo "status $?"
grep -c caf bad
grep -a caf bad | od -c | head -2
LANG=C grep -o 'f.' u | od -c | head -3
LANG=C grep -c '^.....$' u
