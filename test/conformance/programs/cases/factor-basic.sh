factor 12 1 0 97 1000000007
factor 18446744073709551615 18446744073709551617
factor 340282366920938463463374607431768211455
factor 1361129467683753853853498429727072845825
factor 600851475143 9999999967 4294967297
factor 007 +12 ' 30'
printf '6 8\n\n 9\t10' | factor
factor x; echo "status $?"
factor -- -5; echo "status $?"
factor ''; echo "status $?"
factor 0x10 12; echo "status $?"
echo '6 abc 9' | factor; echo "status $?"
factor -h; echo "status $?"
