printf '[%5s]\n' é
printf '[%.1s]\n' é
