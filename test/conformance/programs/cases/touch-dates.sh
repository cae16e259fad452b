same() { touch -d "@$1" ref; if [ ! "$2" -nt ref ] && [ ! "$2" -ot ref ]; then echo "$2 = $1"; else echo "$2 != $1"; fi; }
touch -d '2024-01-02 03:04:05' f; same 1704164645 f
touch -d '2024-01-02T03:04:05Z' f; same 1704164645 f
touch -d '2024-01-02' f; same 1704153600 f
touch -d 'Jan 2 2024' f; same 1704153600 f
touch -d '2 Jan 2024 10:00' f; same 1704189600 f
touch -d 'January 2, 2024 10:00' f; same 1704189600 f
touch -d '2024-01-02 03:04:05 +0100' f; same 1704161045 f
touch -d '2024-01-02T03:04:05+01:00' f; same 1704161045 f
touch -d 'Tue Jan  2 03:04:05 UTC 2024' f; same 1704164645 f
touch -d '1/2/2024' f; same 1704153600 f
touch -d '20240102' f; same 1704153600 f
touch -d '2024-01-02 10:00 EST' f; same 1704207600 f
touch -d '2024/01/02 3pm' f; same 1704207600 f
touch -d '@1700000000' f; same 1700000000 f
touch -d '1970-01-01 00:00:00' f; same 0 f
touch -d '2024-01-02 03:04:05' r
touch -d '1 day ago' -r r f; same 1704078245 f
touch -d '+2 hours' -r r f; same 1704171845 f
touch -d 'tomorrow' -r r f; same 1704251045 f
touch -d 'next week' -r r f; same 1704769445 f
touch -d '3 months ago' -r r f; same 1696215845 f
touch -t 2401020304 f; same 1704164640 f
touch -t 202401020304.05 f; same 1704164645 f
touch -t 7001010000 f; same 0 f
touch -t 6901010000.30 f; same -31535970 f
touch -d garbage f
echo status $?
touch -d '2024-02-30' f
echo status $?
touch -t 13010203 f
echo status $?
touch -t 0102030405.6 f
echo status $?
touch -t 202402300000 f
echo status $?
touch -d 'now' -t 2401020304 f
echo status $?
