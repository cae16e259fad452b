# ncurses's tput: capabilities of $TERM or -T TYPE (strings, numbers, booleans as statuses),
# parameters through tparm, several capabilities in one call or from stdin with -S, cols/lines
# from COLUMNS/LINES or terminfo when no terminal is at hand, and the errors with their statuses.
s() { echo "status $?"; }
TERM=xterm tput bold | od -An -c; s
TERM=xterm tput setaf 1 | od -An -c; s
TERM=xterm-256color tput setaf 196 | od -An -c; s
TERM=xterm-256color tput setab 21 | od -An -c; s
TERM=xterm tput sgr0 | od -An -c; s
TERM=xterm tput cup 5 10 | od -An -c; s
TERM=xterm tput cup | od -An -c; s
TERM=xterm tput cup 3 | od -An -c; s
TERM=linux tput cup 0 0 | od -An -c; s
TERM=vt100 tput bold | od -An -c; s
TERM=xterm tput bold sgr0 setaf 2 cols | od -An -c; s
TERM=xterm tput colors; s
TERM=xterm-256color tput colors; s
TERM=dumb tput colors; s
TERM=xterm tput cols; s
TERM=xterm tput lines; s
TERM=dumb tput lines; s
TERM=xterm COLUMNS=132 LINES=50 tput cols lines; s
TERM=xterm COLUMNS=0 tput cols; s
TERM=xterm COLUMNS=abc tput cols; s
TERM=xterm tput am; s
TERM=xterm tput bw; s
TERM=dumb tput smcup; s
TERM=dumb tput E3; s
TERM=xterm tput E3 | od -An -c; s
TERM=xterm tput md; s
TERM=xterm tput colors nosuch; s
TERM=xterm tput longname; echo; s
TERM=vt100 tput longname; echo; s
TERM=xterm tput clear | od -An -c; s
TERM=xterm tput -x clear | od -An -c; s
TERM=xterm tput -T linux clear | od -An -c; s
TERM=xterm tput -Tvt52 clear | od -An -c; s
printf 'setaf 1\n\nsgr0\ncols\n' | TERM=xterm tput -S | od -An -c; s
printf 'bold\nnosuch\ncup 1 1\n' | TERM=xterm tput -S | od -An -c; s
printf 'bold\nnosuch\ncup 1 1\n' | TERM=xterm tput -S >/dev/null; s
TERM=xterm tput -S </dev/null; s
TERM=xterm tput init; s
TERM=xterm tput reset; s
tput -T nosuch cols; s
tput -T '' cols; s
TERM= tput cols; s
env -u TERM tput cols; s
env -u TERM tput -V; s
TERM=xterm tput; s
TERM=xterm tput -z; s
TERM=xterm tput -T 2>&1 | head -1
TERM=xterm tput --help 2>&1 | head -1
TERM=xterm tput -x; s
