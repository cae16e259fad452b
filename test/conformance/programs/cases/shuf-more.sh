printf 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz' > rs
shuf -i 0-0 --random-source=rs
shuf -i 1-100 -n 5 --random-source=rs
shuf -i 1000000-1000020 -n 3 --random-source=rs
shuf -i 18446744073709551600-18446744073709551615 -n 2 --random-source=rs
shuf -e --random-source=rs; echo "status $?"
shuf -e -n 2 'a b' c 'd' --random-source=rs
printf 'one\ntwo\nthree' | shuf --random-source=rs
printf 'one\ntwo\nthree' > f
shuf -n 5 --random-source=rs f
shuf -n 0 nosuch; echo "status $?"
shuf -i 1-3 -n 0 --random-source=rs; echo "status $?"
shuf -r -n 3 --random-source=rs f
shuf -i 5; echo "status $?"
shuf -i 3-x; echo "status $?"
shuf -i x-3; echo "status $?"
shuf -n 99999999999999999999999 -i 1-2 --random-source=rs; echo "status $?"
shuf -o o1 -o o2 -e a; echo "status $?"
shuf -e a --random-source=rs --random-source=rs; echo "status $?"
