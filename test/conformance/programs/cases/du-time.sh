mkdir -p t/a
touch -d @1500000000 t/a/f
touch -d @1400000000 t/a t
du -b --time t
du -b --time --time-style=full-iso t/a/f
du -b --time --time-style=iso t/a/f
du -b --time --time-style=+%s t/a/f
TIME_STYLE=full-iso du -b --time t/a/f
du -b --time=atime t/a/f
