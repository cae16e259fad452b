# nice: the niceness printed, raised for a command, clamped, and its option errors.
nice; echo "status $?"
nice nice
nice -n 5 nice
nice -5 nice
nice -n 3 nice -n 4 nice
nice -n 100 nice
nice -n -5 nice
nice --5 nice
nice --adjustment=3 nice
nice --adj 2 nice
nice -n +4 nice
nice -n 99999999999999999999 nice
nice -n x nice; echo "status $?"
nice -n 4x nice; echo "status $?"
nice -n 5; echo "status $?"
nice -x; echo "status $?"
nice -n; echo "status $?"
nice nope; echo "status $?"
nice -- nice
nice -n 1 -- nice
mkdir d; nice ./d; echo "status $?"
LANG=C.UTF-8 nice -n x nice; LANG=C.UTF-8 nice nope; echo "status $?"
