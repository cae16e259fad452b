# grep, sed, awk and diff writing to a full device (/dev/full): each in its own words and status,
# with output small enough to stay in stdio's buffer until exit and large enough to be written
# (and fail) while the tool runs.
printf 'a\nb\nc\n' > f; printf 'a\nx\nc\n' > g; seq 100000 > big; seq 2 100001 > big2
t() { eval "$1" > /dev/full; echo "[$1] $?" >&2; }
t 'grep . f'
t 'grep . big'
t 'grep -c . f'
t 'grep -q . f'
t 'grep -l . f'
t 'sed p f'
t 'sed p big'
t "sed -n '\$=' f"
t 'sed -u p f'
t "sed -n 'w /dev/stdout' big"
t "sed 'a\\
hello' big"
t "sed 'w /dev/full' f"
t 'awk 1 f'
t 'awk 1 big'
t "awk 'BEGIN { print \"x\" }'"
t "awk 'BEGIN { print \"x\" > \"/dev/full\"; print \"y\" }'"
t "awk 'BEGIN { printf \"x\" > \"/dev/full\"; r = close(\"/dev/full\"); print \"not reached\" > \"/dev/stderr\" }'"
t "awk 'BEGIN { print \"x\"; r = fflush(); print \"fflush\", r > \"/dev/stderr\" }'"
t "awk 'BEGIN { print \"x\"; system(\"\"); print \"after\" > \"/dev/stderr\" }'"
t "awk 'BEGIN { while (1) print \"x\" > \"/dev/full\" }'"
t "awk '{ print } END { print \"not reached\" > \"/dev/stderr\" }' big"
t 'diff f g'
t 'diff -u f g'
t 'diff big big2'
t 'diff f f'
