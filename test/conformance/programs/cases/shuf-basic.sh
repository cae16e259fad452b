printf 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ' > rs
printf '%s' 'some other random bytes for the second source, long enough.....' > rs2
seq 1 10 > ten
shuf --random-source=rs ten
shuf -n 3 --random-source=rs ten
shuf -n 0 --random-source=rs ten; echo "status $?"
shuf -n 20 --random-source=rs2 ten | tr '\n' ' '; echo
shuf -i 1-5 --random-source=rs
shuf -i 10-20 -n 4 --random-source=rs2
shuf -i 5-4 --random-source=rs; echo "status $?"
shuf -e a b c d e --random-source=rs
shuf -r -n 6 -e a b c --random-source=rs | tr '\n' ' '; echo
shuf -r -i 1-3 -n 5 --random-source=rs2 | tr '\n' ' '; echo
seq 1 10 | shuf -n 3 --random-source=rs
seq 1 10 | shuf --random-source=rs2 | tr '\n' ' '; echo
shuf -z -e x y z --random-source=rs | od -c
shuf -o out --random-source=rs ten; cat out
shuf -n 2 -o ten --random-source=rs ten; cat ten
seq 1 100 > hundred
shuf --random-source=hundred hundred | sort -n | uniq | wc -l
shuf -i 1-1000 --random-source=rs2 | sort -n | uniq | wc -l
: > empty
shuf empty; echo "status $?"
shuf -n 1 -e; echo "status $?"
