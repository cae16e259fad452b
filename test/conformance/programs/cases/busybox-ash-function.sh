busybox sh -c 'function f { echo "f $*"; }; f a b; function g() { echo g; }; g; function h ( ) { return 3; }; h; echo "h $?"'
busybox sh -c 'function f
{ echo newline; }
f
function s() ( echo subshell ); s; function i if true; then echo if-body; fi; i; function l for x in 1 2; do echo $x; done; l'
busybox sh -c 'function t [[ 1 == 1 ]]; t; echo "t $?"; function r { local v=1; echo "local $v"; }; r; echo "[$v]"'
busybox sh -c 'function f { echo a; } >/dev/null; f; echo "redirected $?"; type f; type function'
busybox sh -c 'function'; echo "no name $?"
busybox sh -c 'function f'; echo "no body $?"
busybox sh -c 'function f echo'; echo "word body $?"
busybox sh -c 'function f; echo'; echo "semicolon $?"
busybox sh -c 'function f ( echo x )'; echo "paren body $?"
busybox sh -c 'function 1x { :; }'; echo "bad name $?"
busybox sh -c 'function exit { :; }'; echo "special name $?"
busybox sh -c 'source() { :; }'; echo "source name $?"
busybox sh -c 'echo function; x=function; echo $x; set -x; echo function if' 2>&1
