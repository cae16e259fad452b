# tac's errors: files it cannot read, bad regular expressions, bad options.
printf 'x\ny\n' > f
mkdir d
tac f nope f
echo "status $?"
tac d
echo "status $?"
tac -r -s '[' < f
echo "status $?"
tac -r -s '\(' < f
echo "status $?"
tac -r -s 'a\{2' < f
echo "status $?"
tac -q
echo "status $?"
tac -s
echo "status $?"
