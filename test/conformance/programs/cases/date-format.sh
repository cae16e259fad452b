date -d @1700000000 -u
date -u -d @1700000000 +%s.%N
TZ=UTC0 date -d @1700000000 -R
date -u -d @1700000000 -I
date -u -d @1700000000 -Iseconds
date -u -d @1700000000 -Ins
date -u -d @1700000000 -Ih
date -u -d @1700000000 -Iminutes
date -u -d @1700000000 --iso-8601=date
date -u -d @1700000000 --rfc-3339=ns
date -u -d @1700000000 --rfc-3339=seconds
date -u -d @1700000000 --rfc-3339=date
date -u -d '2024-02-29 12:34:56' '+%F %T %j %U %V %G %a %A %b %B %p %I %y %C %u %w %e %k %l %z %:z %::z %:::z %Z %%'
date -u -d '2024-12-31 23:59:59' '+%D %x %X %r %R %c %g %W %h %n%t|'
TZ=EST5 date -d @1700000000
TZ=EST5 date -d @1700000000 -Iseconds
TZ=EST5 date -d @1700000000 '+%z %:z %:::z'
date -u -d '@1700000000.5' +%N
date -u -d @0 '+%-d %_m %^a %#b %10Y %-H %3N'
date -u -d '2023-11-14T22:13:20Z'
date -u -d 'Nov 14 2023 10:00'
touch -d @1700000000 tf
date -u -r tf
date -u -r tf +%s
printf '@0\n@86400\nxyz\n@1\n' > dates
date -u -f dates; echo status $?
