#!/bin/sh
# Records, from this machine's terminfo (Debian 12's ncurses-base), what `clear` writes for each
# terminal type, with and without -x (which keeps the scrollback: no E3), as JSON with the bytes
# in hex. cowbox's table (src/programs/ncurses/terminfo.ts) is checked against the output:
#   sh test/programs/ncurses/record-terminfo.sh > test/programs/ncurses/terminfo.json
set -e
esc() { od -An -v -tx1 | tr -s ' \n' ' ' | sed 's/^ //; s/ $//'; }
first=1
printf '{\n  "ncurses": "%s",\n  "terminals": {\n' "$(clear -V)"
for t in $(ls /usr/share/terminfo/*/ /lib/terminfo/*/ 2>/dev/null | grep -v ':$' | sort -u); do
  [ -n "$t" ] || continue
  w=$(clear -T "$t" | esc)
  x=$(clear -x -T "$t" | esc)
  [ $first = 1 ] || printf ',\n'
  first=0
  printf '    "%s": { "clear": "%s", "keepingScrollback": "%s" }' "$t" "$w" "$x"
done
printf '\n  }\n}\n'
