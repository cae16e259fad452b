# dd's conversions: case, byte swapping, character sets, fixed-length records.
printf 'Hello World\n' | dd conv=ucase status=none
printf 'Hello World\n' | dd conv=lcase status=none
printf 'abcde' | dd conv=swab status=none; echo
printf 'abcdef' | dd conv=swab bs=3 status=none; echo
printf 'abc\ndefghij\nk\n' | dd conv=block cbs=4 2>&1 | sed 's/, [0-9.e+-]* s, .*//' | od -c
printf 'abc defgh   ij  ' | dd conv=unblock cbs=4 status=none | od -c
printf 'Hi\n' | dd conv=ebcdic status=none | od -An -tx1
printf 'Hi\n' | dd conv=ibm status=none | od -An -tx1
printf '\310\211%%' | dd conv=ascii status=none | od -An -c
printf 'hi\n' | dd conv=ebcdic,ucase status=none | dd conv=ascii status=none | od -An -c
printf 'hi there\n' | dd conv=ebcdic cbs=4 status=none | od -An -tx1
