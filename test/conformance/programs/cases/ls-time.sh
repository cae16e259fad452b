touch -d @1500000000 old
touch -d @1400000000 older
touch -d @1600000000 newer
touch -d @1546398245.123456789 ns
ls -t
ls -tr
ls -l -t
ls -l --full-time
ls -l --time-style=full-iso
ls -l --time-style=long-iso
ls -l --time-style=iso
ls -l --time-style=locale
ls -l --time-style=posix-long-iso
ls -l --time-style=+%Y/%m/%d
ls -l --time-style='+%s.%N %j %a %A %B %y %H%M%S %e %D %F %T %% %Z %z'
ls -l --time-style='+old %F
new %T'
TIME_STYLE=long-iso ls -l
TZ=EST5 ls -l --full-time
TZ=UTC-2 ls -l --time-style=+%H:%M:%z
ls --full-time -1 ns
ls -u -l --time-style=+%s
ls -lu --time-style=+%s -t
