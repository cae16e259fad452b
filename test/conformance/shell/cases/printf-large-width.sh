printf '[%20.10s]\n' abcdefghijklmnop
printf '[%-20d]\n' 5
