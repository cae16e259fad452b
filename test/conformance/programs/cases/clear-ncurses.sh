# ncurses's clear: what each terminal type takes to clear the screen (and its scrollback unless
# -x), -T over $TERM, and the errors (unknown or missing TERM, bad options, operands). The usage
# text after an error is in cowbox's words: only its first line is compared.
for t in xterm-256color xterm linux screen vt100 tmux-256color dumb sun; do
  printf '%s: ' "$t"; TERM=$t clear | od -An -c | tr -s ' '; echo " status $?"
done
TERM=xterm clear -x | od -An -c; echo "status $?"
TERM=dumb clear -T linux | od -An -c; echo "status $?"
TERM=dumb clear -Txterm -x | od -An -c; echo "status $?"
TERM=linux clear -- | od -An -c; echo "status $?"
clear -V; echo "status $?"
TERM=xterm clear extra -V; echo "status $?"
TERM=nosuch clear; echo "status $?"
TERM= clear; echo "status $?"
env -u TERM clear; echo "status $?"
TERM=xterm clear -z 2>&1 | head -1; TERM=xterm clear -z 2>/dev/null; echo "status $?"
TERM=xterm clear --help 2>&1 | head -1
TERM=xterm clear -T 2>&1 | head -1
TERM=xterm clear extra 2>&1 | head -1; TERM=xterm clear extra 2>/dev/null; echo "status $?"
